/*
 * Copyright (C) phigate authors
 *
 * VEHICLE detector: VINs by check digit, plates after cues.
 */


#include "detect_fixture.h"


static void test_vehicle_vin(void **state);
static void test_vehicle_vin_invalid(void **state);
static void test_vehicle_plates(void **state);
static void test_vehicle_plates_state_tag(void **state);
static void test_vehicle_plates_need_id(void **state);
static void test_vehicle_lookalikes(void **state);
static void test_vehicle_edges(void **state);


static void
test_vehicle_vin(void **state)
{
    pg_dt_one(*state, pg_detect_vehicle, "VIN 1M8GDM9AXKP042788", PG_T_VEHICLE,
              4, 17);
    pg_dt_one(*state, pg_detect_vehicle, "JH4KA7561PC008269 was towed",
              PG_T_VEHICLE, 0, 17);
    pg_dt_run(*state, pg_detect_vehicle, "JH4KA7561PC008269");
    assert_int_equal(((pg_dt_t *) *state)->findings.items[0].confidence,
                     90);
    pg_dt_one(*state, pg_detect_vehicle, "VIN: 1M8GDM9A1KP042788", PG_T_VEHICLE,
              5, 17);
    pg_dt_run(*state, pg_detect_vehicle, "VIN: 1M8GDM9A1KP042788");
    assert_int_equal(((pg_dt_t *) *state)->findings.items[0].confidence,
                     80);
    pg_dt_one(*state, pg_detect_vehicle, "jh4ka7561pc008269", PG_T_VEHICLE, 0,
              17);
}


static void
test_vehicle_vin_invalid(void **state)
{
    pg_dt_none(*state, pg_detect_vehicle, "1M8GDM9A1KP042788");
    pg_dt_none(*state, pg_detect_vehicle, "1M8GDM9AXKP04278");
    pg_dt_none(*state, pg_detect_vehicle, "1M8GDM9AXKP0427881");
    pg_dt_none(*state, pg_detect_vehicle, "IM8GDM9AXKP042788");
    pg_dt_none(*state, pg_detect_vehicle, "11111111111111111");
    pg_dt_none(*state, pg_detect_vehicle, "VIN 1M8GDM9AXKP04278");
}


static void
test_vehicle_plates(void **state)
{
    pg_dt_one(*state, pg_detect_vehicle, "license plate 7ABC123", PG_T_VEHICLE,
              14, 7);
    pg_dt_one(*state, pg_detect_vehicle, "plate # ABC 1234 seen", PG_T_VEHICLE,
              8, 8);
    pg_dt_one(*state, pg_detect_vehicle, "tag # XYZ-4821", PG_T_VEHICLE, 6, 8);
    pg_dt_one(*state, pg_detect_vehicle, "Plate number: 4GHT772", PG_T_VEHICLE,
              14, 7);
}


static void
test_vehicle_plates_state_tag(void **state)
{
    pg_dt_one(*state, pg_detect_vehicle, "the Camry with Georgia tag RKV4417",
              PG_T_VEHICLE, 27, 7);
    pg_dt_one(*state, pg_detect_vehicle, "her new york tag: HKX-2231",
              PG_T_VEHICLE, 18, 8);
    pg_dt_one(*state, pg_detect_vehicle, "camioneta con placas JKL-447-B:",
              PG_T_VEHICLE, 21, 9);
    pg_dt_one(*state, pg_detect_vehicle, "placa ABC 1234", PG_T_VEHICLE, 6, 8);

    /* "tag" without a state, and Spanish plates without an ID */
    pg_dt_none(*state, pg_detect_vehicle, "price tag RKV4417 on sale");
    pg_dt_none(*state, pg_detect_vehicle, "wear your name tag 4417B today");
    pg_dt_none(*state, pg_detect_vehicle, "Georgia #tag RKV4417");
    pg_dt_none(*state, pg_detect_vehicle, "Tag us #GeorgiaTag2026");
    pg_dt_none(*state, pg_detect_vehicle, "Georgia tag sales tax is 7%");
    pg_dt_none(*state, pg_detect_vehicle, "placas de Petri en el laboratorio");
}


static void
test_vehicle_plates_need_id(void **state)
{
    pg_dt_none(*state, pg_detect_vehicle, "Healthy plate ideas for 2024");
    pg_dt_none(*state, pg_detect_vehicle, "plate 2B");
    pg_dt_none(*state, pg_detect_vehicle, "Tag us #NICU2024");
    pg_dt_none(*state, pg_detect_vehicle, "tag # 12");
    pg_dt_none(*state, pg_detect_vehicle, "plate 123456");
    pg_dt_none(*state, pg_detect_vehicle, "plate ABCDEF");
}


static void
test_vehicle_lookalikes(void **state)
{
    /* clean marketing that looks like one */
    pg_dt_none(*state, pg_detect_vehicle,
               "Join us Saturday, June 14, 2025 for our health fair, 9am-1pm!");
    pg_dt_none(*state, pg_detect_vehicle,
               "Our nurses logged 6,476 volunteer hours in 2024.");
    pg_dt_none(*state, pg_detect_vehicle,
               "Tickets $95 at the door; 100% of proceeds go to the NICU.");
    pg_dt_none(*state, pg_detect_vehicle,
               "Visit Room 214 for flu shots. Est. 1902.");
    pg_dt_none(*state, pg_detect_vehicle, "In crisis? Call or text 988.");
    pg_dt_none(*state, pg_detect_vehicle,
               "Update to version 10.2.0.1 of our app, or v1.2.3.4 on iOS.");
    pg_dt_none(*state, pg_detect_vehicle,
               "Read more: https://www.hospital.org/news/2024/heart-month?utm_"
               "source=fb&utm_campaign=1234567");
    pg_dt_none(*state, pg_detect_vehicle,
               "#HeartMonth #Nurses2025 #Top100Hospitals");
    pg_dt_none(*state, pg_detect_vehicle,
               "Celebrating 100 years of care and 90+ years of service.");
    pg_dt_none(*state, pg_detect_vehicle,
               "Our 2024 report: 12,345 patients, 98.6% satisfaction, 4111 sta"
               "ff.");
    pg_dt_none(*state, pg_detect_vehicle,
               "Call (865) 473-9166 to book; open 24/7, 365 days a year.");
    pg_dt_none(*state, pg_detect_vehicle, "Track 1Z999AA10123456784 online");
}


static void
test_vehicle_edges(void **state)
{
    static const char  odd[] = "\0\xff\xfe 9\0" "1 \xc3(\x80 #: - ";

    /* empty text, NULs, invalid UTF-8, a text that ends in a cue */
    assert_int_equal(pg_dt_runl(*state, pg_detect_vehicle, "", 0), 0);
    assert_int_equal(pg_dt_runl(*state, pg_detect_vehicle, odd,
                                sizeof(odd) - 1), 0);
    pg_dt_none(*state, pg_detect_vehicle, "VIN");
}


int
main(void)
{
    const struct CMUnitTest  tests[] = {
        cmocka_unit_test_setup_teardown(test_vehicle_vin,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_vehicle_vin_invalid,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_vehicle_plates,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_vehicle_plates_state_tag,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_vehicle_plates_need_id,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_vehicle_lookalikes,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_vehicle_edges,
                                        pg_dt_setup, pg_dt_teardown),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
