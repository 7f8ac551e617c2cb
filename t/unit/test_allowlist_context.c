/*
 * Copyright (C) phigate authors
 *
 * The allow-list's staff names (pg_allowlist_name.c) and addresses with
 * their ZIP codes (pg_allowlist_addr.c): every way a post writes them,
 * alone and with the words around a finding that holds part of them;
 * and the near misses that must stay findings: a patient who shares a
 * given name or a surname, another person beside the staff member,
 * another street, apartment or ZIP code.  The finding is between "[["
 * and "]]" (test_allowlist.h).
 */

#include "test_allowlist.h"


static void
test_name(void **state)
{
    static const pg_case_t  cases[] = {
        { PG_T_NAME, "Ana Ruiz", 1 },
        { PG_T_NAME, "ANA  RUIZ", 1 },
        { PG_T_NAME, "ana ruiz", 1 },
        { PG_T_NAME, "Dr. Ana Ruiz", 1 },
        { PG_T_NAME, "Dr Ana Ruiz", 1 },
        { PG_T_NAME, "Ana Ruiz, M.D.", 1 },
        { PG_T_NAME, "Ana Ruiz MD", 1 },
        { PG_T_NAME, "Ana Ruiz's", 1 },
        { PG_T_NAME, "Ana Ruiz\xe2\x80\x99s", 1 },
        { PG_T_NAME, "\xef\xbc\xa1na Ruiz", 1 },
        { PG_T_NAME, "Ana Ru\xc3\xadz", 1 },
        { PG_T_NAME, "\xc3\x81na Ruiz", 1 },
        { PG_T_NAME, "Jose Nunez", 1 },
        { PG_T_NAME, "JOS\xc3\x89 N\xc3\x9a\xc3\x91" "EZ", 1 },
        { PG_T_NAME, "Jose\xcc\x81 Nu\xcc\x81n\xcc\x83" "ez", 1 },
        { PG_T_NAME, "mark chen", 1 },
        { PG_T_NAME, "Mark Chen, RN", 1 },
        { PG_T_NAME, "Lee Park", 1 },
        { PG_T_NAME, "Lan Do", 1 },
        { PG_T_NAME, "Lan Do, DO", 1 },

        /* an initial names no one the full name does not */
        { PG_T_NAME, "Ana M. Ruiz", 1 },
        { PG_T_NAME, "Dr Ana M. Ruiz", 1 },
        { PG_T_NAME, "Ana M Ruiz, MD", 1 },
        { PG_T_NAME, "Mark J. Chen", 1 },

        /* surname first */
        { PG_T_NAME, "Ruiz, Ana", 1 },
        { PG_T_NAME, "RUIZ, ANA", 1 },
        { PG_T_NAME, "Ruiz, Ana M.", 1 },
        { PG_T_NAME, "Ruiz, Ana, MD", 1 },
        { PG_T_NAME, "Ruiz, Dr. Ana", 1 },
        { PG_T_NAME, "Nunez, Jose", 1 },

        /* the surname after a staff title */
        { PG_T_NAME, "Dr. Ruiz", 1 },
        { PG_T_NAME, "Doctor Ruiz", 1 },
        { PG_T_NAME, "Prof. N\xc3\xba\xc3\xb1" "ez", 1 },
        { PG_T_NAME, "Nurse Chen", 1 },

        /* a given name or a surname alone may be a patient's */
        { PG_T_NAME, "Ana", 0 },
        { PG_T_NAME, "Dr. Ana", 0 },
        { PG_T_NAME, "Ruiz", 0 },
        { PG_T_NAME, "Ruiz's", 0 },
        { PG_T_NAME, "Mrs. Ruiz", 0 },
        { PG_T_NAME, "Mr Chen", 0 },
        { PG_T_NAME, "Ana R.", 0 },
        { PG_T_NAME, "Lan", 0 },

        /* another person's name holding the staff member's */
        { PG_T_NAME, "Ana Ruiz Lopez", 0 },
        { PG_T_NAME, "Maria Ana Ruiz", 0 },
        { PG_T_NAME, "Ana Maria Ruiz", 0 },
        { PG_T_NAME, "Ana Ruizs", 0 },
        { PG_T_NAME, "Ana Ruiz-Lopez", 0 },
        { PG_T_NAME, "Mark Cheng", 0 },
        { PG_T_NAME, "Ruiz Lopez, Ana", 0 },
        { PG_T_NAME, "Lopez, Ana", 0 },

        /* surname first after "Mr.", before "'s", or in a list */
        { PG_T_NAME, "Mr. Ruiz, Ana", 0 },
        { PG_T_NAME, "Ruiz, Ana's", 0 },
        { PG_T_NAME, "Ruiz, Ana, Tom", 0 },
    };

    pg_at_cases(state, cases);
}


/* a finding that holds part of the name: the words beside it */
static void
test_name_context(void **state)
{
    static const pg_case_t  cases[] = {
        { PG_T_NAME, "Prayers for [[Ruiz]], Ana and her team today.", 1 },
        { PG_T_NAME, "Prayers for Ruiz, [[Ana]] and her team today.", 1 },
        { PG_T_NAME, "Patient: [[Ruiz]], Ana M. went home.", 1 },
        { PG_T_NAME, "Thanks to [[Ruiz]], Ana, MD, for the talk.", 1 },
        { PG_T_NAME, "Thanks to Dr. Ana [[Ruiz]] for the talk.", 1 },
        { PG_T_NAME, "Thanks to Dr. [[Ruiz]] for the talk.", 1 },
        { PG_T_NAME, "Thanks to [[Ana]] M. Ruiz for the talk.", 1 },
        { PG_T_NAME, "Thanks to [[Ana]] Ruiz, MD for the talk.", 1 },
        { PG_T_NAME, "[[Ana Ruiz]]'s team won.", 1 },
        { PG_T_NAME, "Thanks to [[Chen]], Mark!", 1 },

        /* a given name or surname of a patient, near the staff member's */
        { PG_T_NAME, "Prayers for [[Ana]] today.", 0 },
        { PG_T_NAME, "Prayers for [[Ruiz]] today.", 0 },
        { PG_T_NAME, "Prayers for [[Ruiz]]'s family today.", 0 },
        { PG_T_NAME, "Prayers for Mrs. [[Ruiz]], Ana today.", 0 },
        { PG_T_NAME, "Mr. [[Ruiz]], Ana's husband, was discharged.", 0 },
        { PG_T_NAME, "Mr. Ruiz, [[Ana]]'s husband, was discharged.", 0 },
        { PG_T_NAME, "Get well soon, [[Ana]]! Ruiz family thanks you.", 0 },
        { PG_T_NAME, "Prayers for [[Ana]]. Ruiz family says thanks.", 0 },
        { PG_T_NAME, "Dr. Ana Ruiz visited [[Ana]] today.", 0 },
        { PG_T_NAME, "With Dr. Ana Ruiz,\n[[Ana]] went home.", 0 },
        { PG_T_NAME, "Mrs. [[Ana]] Ruiz Lopez went home.", 0 },

        /* the name is another person's: a word beside carries it on */
        { PG_T_NAME, "Prayers for Maria [[Ana]] Ruiz today.", 0 },
        { PG_T_NAME, "Prayers for [[Ana]] Ruiz Lopez today.", 0 },
        { PG_T_NAME, "Prayers for [[Ruiz]] Lopez, Ana today.", 0 },
        { PG_T_NAME, "Prayers for [[Ana]] Q Ruiz Lopez today.", 0 },

        /* without capitals, no word beside tells where a name ends */
        { PG_T_NAME, "prayers for [[ruiz]], ana", 0 },

        /* a list, not a name written surname first */
        { PG_T_NAME, "Thanks Lee, [[Ruiz]], Ana and Tom.", 0 },
        { PG_T_NAME, "Visiting: [[Ruiz]], Ana, Tom.", 0 },
    };

    pg_at_cases(state, cases);
}


/* entries written surname first, and a surname that is also a degree */
static void
test_name_entries(void **state)
{
    static const char  list[] =
        "name: Ruiz, Ana\n"
        "name: Do, Lan, DO\n"
        "name: Ana M. Ruiz Lopez\n";

    static const pg_case_t  cases[] = {
        { PG_T_NAME, "Ana Ruiz", 1 },
        { PG_T_NAME, "Lan Do", 1 },
        { PG_T_NAME, "Dr. Do", 1 },
        { PG_T_NAME, "Ana M. Ruiz Lopez", 1 },

        /* the entry's initial is part of its name */
        { PG_T_NAME, "Ana Ruiz Lopez", 0 },
        { PG_T_NAME, "Ana Q. Ruiz Lopez", 0 },
        { PG_T_NAME, "Lan", 0 },
    };

    pg_at_list_cases(list, 3, cases);
}


static void
test_address(void **state)
{
    static const pg_case_t  cases[] = {
        { PG_T_ADDRESS, "55 Fruit Street, Boston, MA 02114", 1 },
        { PG_T_ADDRESS, "55 Fruit Street, Boston, MA", 1 },
        { PG_T_ADDRESS, "55 Fruit St., Boston MA", 1 },
        { PG_T_ADDRESS, "55 Fruit St. Boston, Massachusetts", 1 },
        { PG_T_ADDRESS, "55 Fruit St., Boston, Mass.", 1 },
        { PG_T_ADDRESS, "55 FRUIT ST", 1 },
        { PG_T_ADDRESS, "55 fruit street, boston", 1 },
        { PG_T_ADDRESS, "55 Fruit Street, Boston, Massachusetts", 1 },
        { PG_T_ADDRESS, "55 Fruit St, Boston, MA 02114-2696", 1 },
        { PG_T_ADDRESS, "1 Main St, Springfield, IL 62701-1234", 1 },
        { PG_T_ADDRESS, "1 Main St., Springfield, Ill.", 1 },
        { PG_T_ADDRESS, "1 Main Street", 1 },

        /* the organisation's parts of its building */
        { PG_T_ADDRESS, "55 Fruit Street, Suite 200, Boston, MA", 1 },
        { PG_T_ADDRESS, "55 Fruit Street Ste. 200 Boston MA", 1 },
        { PG_T_ADDRESS, "55 Fruit Street, Floor 3, Boston", 1 },
        { PG_T_ADDRESS, "55 Fruit Street, 3rd Floor, Boston", 1 },
        { PG_T_ADDRESS, "55 Fruit Street, Bldg 2", 1 },
        { PG_T_ADDRESS, "55 Fruit Street, Wing B, Boston, MA", 1 },

        /* shorter than the street, longer, or another one */
        { PG_T_ADDRESS, "55 Fruit", 0 },
        { PG_T_ADDRESS, "57 Fruit Street", 0 },
        { PG_T_ADDRESS, "155 Fruit Street", 0 },
        { PG_T_ADDRESS, "55 Fruit Street, Salem, MA", 0 },
        { PG_T_ADDRESS, "55 Fruit Street, Suite 200, Salem", 0 },
        { PG_T_ADDRESS, "55 Fruit Street, Boston, MA 02114 Apt 2", 0 },
        { PG_T_ADDRESS, "55 Fruit St, Boston, MA 02115-2696", 0 },
        { PG_T_ADDRESS, "1 Main St, Springfield, IL 62701-9999", 0 },

        /* where a person lives or lies is not the organisation's */
        { PG_T_ADDRESS, "55 Fruit Street, Apt 4, Boston", 0 },
        { PG_T_ADDRESS, "55 Fruit Street Apt 4", 0 },
        { PG_T_ADDRESS, "55 Fruit Street, Unit 4, Boston", 0 },
        { PG_T_ADDRESS, "55 Fruit Street #4, Boston", 0 },
        { PG_T_ADDRESS, "55 Fruit Street, Room 12, Boston", 0 },
    };

    pg_at_cases(state, cases);
}


/* a ZIP code after one of the entry's forms, reported or not */
static void
test_zip(void **state)
{
    static const pg_case_t  cases[] = {
        { PG_T_ZIP, "Dr. Ruiz sees her patients at 55 Fruit St. Boston, "
                    "Massachusetts [[02114]].", 1 },
        { PG_T_ZIP, "at 55 Fruit Street, Boston, MA [[02114]]", 1 },
        { PG_T_ZIP, "at 55 Fruit St, Boston MA [[02114-2696]]", 1 },
        { PG_T_ZIP, "at 55 Fruit St Boston MA [[02114]]", 1 },
        { PG_T_ZIP, "AT 55 FRUIT STREET, BOSTON, MA [[02114]]", 1 },
        { PG_T_ZIP, "at 55 fruit street, boston, ma [[02114]]", 1 },
        { PG_T_ZIP, "at 55 Fruit Street, Suite 200, Boston, MA [[02114]]",
          1 },
        { PG_T_ZIP, "at 55 Fruit Street, 3rd Floor, Boston, MA [[02114]]",
          1 },
        { PG_T_ZIP, "at 55 Fruit Street [[02114]]", 1 },
        { PG_T_ZIP, "Visit us:\n55 Fruit Street\nBoston, MA [[02114]]", 1 },
        { PG_T_ZIP, "1 Main St, Springfield, IL [[62701-1234]]", 1 },
        { PG_T_ZIP, "1 Main St, Springfield, IL [[62701]]", 1 },

        /* another street, apartment, city or ZIP code */
        { PG_T_ZIP, "The patient lives at 57 Fruit Street, Boston, MA "
                    "[[02114]].", 0 },
        { PG_T_ZIP, "She lives at 155 Fruit Street, Boston, MA [[02114]].",
          0 },
        { PG_T_ZIP, "She lives at 55 Fruit Street, Apt 4, Boston, MA "
                    "[[02114]].", 0 },
        { PG_T_ZIP, "She lives at 55 Fruit Street, Boston, MA [[02115]].",
          0 },
        { PG_T_ZIP, "She lives at 55 Fruit Street, Salem, MA [[02114]].",
          0 },
        { PG_T_ZIP, "She lives at 12 Elm Street, Boston, MA [[02114]].", 0 },
        { PG_T_ZIP, "She lives in Boston, MA [[02114]].", 0 },
        { PG_T_ZIP, "[[02114]]", 0 },
        { PG_T_ZIP, "at 55 Fruit Street, Boston, MA; home: Salem, MA "
                    "[[02114]]", 0 },
        { PG_T_ZIP, "1 Main St, Springfield, IL [[62701-9999]]", 0 },
    };

    pg_at_cases(state, cases);
}


/*
 * A state written out or abbreviated, in the entry or the post, names of
 * two words and territories too (pg_geo_states): either writing is the
 * entry's, another state is not.
 */
static void
test_address_states(void **state)
{
    static const char  list[] =
        "address: 350 Fifth Avenue, New York, NY 10118\n"
        "address: 1 Main Street, Raleigh, North Carolina 27601\n"
        "address: 9 Marine Drive, Hagatna, GU 96910\n";

    static const pg_case_t  cases[] = {
        { PG_T_ADDRESS, "350 Fifth Avenue, New York, New York", 1 },
        { PG_T_ADDRESS, "350 Fifth Ave., New York, NY", 1 },
        { PG_T_ADDRESS, "350 Fifth Ave, NY, NY 10118", 1 },
        { PG_T_ADDRESS, "1 Main St., Raleigh, NC", 1 },
        { PG_T_ADDRESS, "1 Main Street, Raleigh, North Carolina", 1 },
        { PG_T_ADDRESS, "9 Marine Dr, Hagatna, Guam", 1 },
        { PG_T_ZIP, "at 350 Fifth Avenue, New York, New York [[10118]]", 1 },
        { PG_T_ZIP, "at 350 Fifth Ave, New York, NY [[10118]]", 1 },
        { PG_T_ZIP, "at 1 Main St, Raleigh, NC [[27601]]", 1 },
        { PG_T_ZIP, "at 1 Main St, Raleigh, North Carolina [[27601]]", 1 },
        { PG_T_ZIP, "at 9 Marine Drive, Hagatna, Guam [[96910]]", 1 },

        /* another state, or a state's name cut short */
        { PG_T_ADDRESS, "350 Fifth Avenue, New York, New Jersey", 0 },
        { PG_T_ADDRESS, "1 Main Street, Raleigh, South Carolina", 0 },
        { PG_T_ZIP, "She lives at 350 Fifth Avenue, New York, New Jersey "
                    "[[10118]].", 0 },
        { PG_T_ZIP, "She lives at 1 Main St, Raleigh, North [[27601]].", 0 },
    };

    pg_at_list_cases(list, 3, cases);
}


/*
 * Thousands of staff names: each is found, none hides a patient who
 * shares a given name or surname with them.  (What it costs is measured
 * in the commit that made the sets, not here.)
 */
static void
test_many_names(void **state)
{
    int              i;
    char            *list, *p, err[256], name[64];
    pg_allowlist_t  *al;

    list = malloc(5000 * 40);
    assert_non_null(list);

    for (i = 0, p = list; i < 5000; i++) {
        p += sprintf(p, "name: Given%c%c Surname%d\n", 'a' + i % 26,
                     'a' + i / 26 % 26, i);
    }

    al = pg_allowlist_parse(list, p - list, PG_FILE, err, sizeof(err));
    free(list);
    assert_non_null(al);
    assert_int_equal(pg_allowlist_count(al), 5000);

    for (i = 0; i < 5000; i += 7) {
        sprintf(name, "Givena%c Surname%d", 'a' + i / 26 % 26, i);
        assert_int_equal(pg_allowlist_allows(al, PG_T_NAME, name,
                                             strlen(name)),
                         i % 26 == 0);

        sprintf(name, "Surname%d, Given%c%c", i, 'a' + i % 26,
                'a' + i / 26 % 26);
        assert_true(pg_allowlist_allows(al, PG_T_NAME, name, strlen(name)));

        sprintf(name, "Given%c%c", 'a' + i % 26, 'a' + i / 26 % 26);
        assert_false(pg_allowlist_allows(al, PG_T_NAME, name, strlen(name)));
    }

    pg_allowlist_free(al);
}


int
main(void)
{
    const struct CMUnitTest  tests[] = {
        cmocka_unit_test_setup_teardown(test_name, pg_at_setup,
                                        pg_at_teardown),
        cmocka_unit_test_setup_teardown(test_name_context, pg_at_setup,
                                        pg_at_teardown),
        cmocka_unit_test(test_name_entries),
        cmocka_unit_test_setup_teardown(test_address, pg_at_setup,
                                        pg_at_teardown),
        cmocka_unit_test_setup_teardown(test_zip, pg_at_setup,
                                        pg_at_teardown),
        cmocka_unit_test(test_address_states),
        cmocka_unit_test(test_many_names),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
