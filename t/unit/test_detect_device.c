/*
 * Copyright (C) phigate authors
 *
 * DEVICE detector: serial numbers and device IDs after cues, GS1 UDIs and
 * MAC addresses.
 */


#include "detect_fixture.h"


static void test_device_cued(void **state);
static void test_device_udi_mac(void **state);
static void test_device_invalid(void **state);
static void test_device_cue_needs_id(void **state);
static void test_device_lookalikes(void **state);
static void test_device_edges(void **state);


static void
test_device_cued(void **state)
{
    pg_dt_one(*state, pg_detect_device, "pacemaker serial PX-448812",
              PG_T_DEVICE, 17, 9);
    pg_dt_one(*state, pg_detect_device, "S/N: 88A21-0042", PG_T_DEVICE, 5, 10);
    pg_dt_one(*state, pg_detect_device, "Device ID 4471-0092-AB", PG_T_DEVICE,
              10, 12);
    pg_dt_one(*state, pg_detect_device, "IMEI 490154203237518", PG_T_DEVICE, 5,
              15);
    pg_dt_one(*state, pg_detect_device,
              "insulin pump serial number is PMP77120", PG_T_DEVICE, 30, 8);
}


static void
test_device_udi_mac(void **state)
{
    pg_dt_one(*state, pg_detect_device,
              "UDI (01)00884838047600(17)250101(21)A1234.", PG_T_DEVICE, 4, 37);
    pg_dt_one(*state, pg_detect_device, "from 00:1A:2B:3C:4D:5E today",
              PG_T_DEVICE, 5, 17);
    pg_dt_one(*state, pg_detect_device, "00-1a-2b-3c-4d-5e", PG_T_DEVICE, 0,
              17);
}


static void
test_device_invalid(void **state)
{
    pg_dt_none(*state, pg_detect_device, "(01)00884838047600");
    pg_dt_none(*state, pg_detect_device, "(01)00884838047601(21)A1");
    pg_dt_none(*state, pg_detect_device, "(01)0088483804760(21)A1");
    pg_dt_none(*state, pg_detect_device, "AA:BB:CC:DD:EE:FF");
    pg_dt_none(*state, pg_detect_device, "00:1A:2B:3C:4D:5E:6F");
    pg_dt_none(*state, pg_detect_device, "00:1A:2B:3C:4D");
    pg_dt_none(*state, pg_detect_device, "at 10:30:45");
    pg_dt_none(*state, pg_detect_device, "00:1A:2B-3C:4D:5E");
}


static void
test_device_cue_needs_id(void **state)
{
    pg_dt_none(*state, pg_detect_device, "Our new serial number lookup tool");
    pg_dt_none(*state, pg_detect_device, "serial 12");
    pg_dt_none(*state, pg_detect_device, "Device donations welcome in 2024");
    pg_dt_none(*state, pg_detect_device, "UDI rules take effect 2025");
}


static void
test_device_lookalikes(void **state)
{
    /* clean marketing that looks like one */
    pg_dt_none(*state, pg_detect_device,
               "Join us Saturday, June 14, 2025 for our health fair, 9am-1pm!");
    pg_dt_none(*state, pg_detect_device,
               "Our nurses logged 6,476 volunteer hours in 2024.");
    pg_dt_none(*state, pg_detect_device,
               "Tickets $95 at the door; 100% of proceeds go to the NICU.");
    pg_dt_none(*state, pg_detect_device,
               "Visit Room 214 for flu shots. Est. 1902.");
    pg_dt_none(*state, pg_detect_device, "In crisis? Call or text 988.");
    pg_dt_none(*state, pg_detect_device,
               "Update to version 10.2.0.1 of our app, or v1.2.3.4 on iOS.");
    pg_dt_none(*state, pg_detect_device,
               "Read more: https://www.hospital.org/news/2024/heart-month?utm_"
               "source=fb&utm_campaign=1234567");
    pg_dt_none(*state, pg_detect_device,
               "#HeartMonth #Nurses2025 #Top100Hospitals");
    pg_dt_none(*state, pg_detect_device,
               "Celebrating 100 years of care and 90+ years of service.");
    pg_dt_none(*state, pg_detect_device,
               "Our 2024 report: 12,345 patients, 98.6% satisfaction, 4111 sta"
               "ff.");
    pg_dt_none(*state, pg_detect_device,
               "Call (865) 473-9166 to book; open 24/7, 365 days a year.");
}


static void
test_device_edges(void **state)
{
    static const char  odd[] = "\0\xff\xfe 9\0" "1 \xc3(\x80 #: - ";

    /* empty text, NULs, invalid UTF-8, a text that ends in a cue */
    assert_int_equal(pg_dt_runl(*state, pg_detect_device, "", 0), 0);
    assert_int_equal(pg_dt_runl(*state, pg_detect_device, odd,
                                sizeof(odd) - 1), 0);
    pg_dt_none(*state, pg_detect_device, "S/N");
}


int
main(void)
{
    const struct CMUnitTest  tests[] = {
        cmocka_unit_test_setup_teardown(test_device_cued,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_device_udi_mac,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_device_invalid,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_device_cue_needs_id,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_device_lookalikes,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_device_edges,
                                        pg_dt_setup, pg_dt_teardown),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
