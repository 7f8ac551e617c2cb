/*
 * Copyright (C) phigate authors
 *
 * IP detector: IPv4 and IPv6 addresses; version, section and time look-
 * alikes pass.
 */


#include "detect_fixture.h"


static void test_ip_v4(void **state);
static void test_ip_v6(void **state);
static void test_ip_not_addresses(void **state);
static void test_ip_lookalikes(void **state);
static void test_ip_edges(void **state);


static void
test_ip_v4(void **state)
{
    pg_dt_one(*state, pg_detect_ip, "from 192.168.1.20 today", PG_T_IP, 5, 12);
    pg_dt_one(*state, pg_detect_ip, "10.0.12.7", PG_T_IP, 0, 9);
    pg_dt_one(*state, pg_detect_ip, "http://192.168.1.20/chart", PG_T_IP, 7,
              12);
    pg_dt_one(*state, pg_detect_ip, "IP 8.8.8.8.", PG_T_IP, 3, 7);
    pg_dt_one(*state, pg_detect_ip, "host 0.0.0.0", PG_T_IP, 5, 7);
}


static void
test_ip_v6(void **state)
{
    pg_dt_one(*state, pg_detect_ip, "from 2001:db8:85a3:0:0:8a2e:370:7334 ok",
              PG_T_IP, 5, 31);
    pg_dt_one(*state, pg_detect_ip, "fe80::1c2b:3", PG_T_IP, 0, 12);
    pg_dt_one(*state, pg_detect_ip, "addr 2001:db8::1.", PG_T_IP, 5, 11);
}


static void
test_ip_not_addresses(void **state)
{
    pg_dt_none(*state, pg_detect_ip, "version 10.2.0.1");
    pg_dt_none(*state, pg_detect_ip, "v1.2.3.4");
    pg_dt_none(*state, pg_detect_ip, "firmware 2.1.0.9");
    pg_dt_none(*state, pg_detect_ip, "section 4.2.1.3");
    pg_dt_none(*state, pg_detect_ip, "1.2.3.4.5");
    pg_dt_none(*state, pg_detect_ip, "256.1.1.1");
    pg_dt_none(*state, pg_detect_ip, "01.02.03.04");
    pg_dt_none(*state, pg_detect_ip, "1.2.3");
    pg_dt_none(*state, pg_detect_ip, "at 10:30:15");
    pg_dt_none(*state, pg_detect_ip, "John 3:16");
    pg_dt_none(*state, pg_detect_ip, "00:1A:2B:3C:4D:5E");
    pg_dt_none(*state, pg_detect_ip, "dead::beef");
    pg_dt_none(*state, pg_detect_ip, "::1");
    pg_dt_none(*state, pg_detect_ip, "1:2:3:4:5:6:7");
    pg_dt_none(*state, pg_detect_ip, "2001:db8:85a3:0:0:8a2e:370:7334:1");
    pg_dt_none(*state, pg_detect_ip, "2001:db8::1::2");
}


static void
test_ip_lookalikes(void **state)
{
    /* clean marketing that looks like one */
    pg_dt_none(*state, pg_detect_ip,
               "Join us Saturday, June 14, 2025 for our health fair, 9am-1pm!");
    pg_dt_none(*state, pg_detect_ip,
               "Our nurses logged 6,476 volunteer hours in 2024.");
    pg_dt_none(*state, pg_detect_ip,
               "Tickets $95 at the door; 100% of proceeds go to the NICU.");
    pg_dt_none(*state, pg_detect_ip,
               "Visit Room 214 for flu shots. Est. 1902.");
    pg_dt_none(*state, pg_detect_ip, "In crisis? Call or text 988.");
    pg_dt_none(*state, pg_detect_ip,
               "Update to version 10.2.0.1 of our app, or v1.2.3.4 on iOS.");
    pg_dt_none(*state, pg_detect_ip,
               "Read more: https://www.hospital.org/news/2024/heart-month?utm_"
               "source=fb&utm_campaign=1234567");
    pg_dt_none(*state, pg_detect_ip,
               "#HeartMonth #Nurses2025 #Top100Hospitals");
    pg_dt_none(*state, pg_detect_ip,
               "Celebrating 100 years of care and 90+ years of service.");
    pg_dt_none(*state, pg_detect_ip,
               "Our 2024 report: 12,345 patients, 98.6% satisfaction, 4111 sta"
               "ff.");
    pg_dt_none(*state, pg_detect_ip,
               "Call (865) 473-9166 to book; open 24/7, 365 days a year.");
}


static void
test_ip_edges(void **state)
{
    static const char  odd[] = "\0\xff\xfe 9\0" "1 \xc3(\x80 #: - ";

    /* empty text, NULs, invalid UTF-8, a text that ends in a cue */
    assert_int_equal(pg_dt_runl(*state, pg_detect_ip, "", 0), 0);
    assert_int_equal(pg_dt_runl(*state, pg_detect_ip, odd,
                                sizeof(odd) - 1), 0);
    pg_dt_none(*state, pg_detect_ip, "192.168.1.");
}


int
main(void)
{
    const struct CMUnitTest  tests[] = {
        cmocka_unit_test_setup_teardown(test_ip_v4,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_ip_v6,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_ip_not_addresses,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_ip_lookalikes,
                                        pg_dt_setup, pg_dt_teardown),
        cmocka_unit_test_setup_teardown(test_ip_edges,
                                        pg_dt_setup, pg_dt_teardown),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
