# Windows-only tests.

# Under a cross build every test runs in Wine, whose prefix a setup fixture creates first: the
# first Wine start builds the prefix, and tests started in parallel would otherwise all wait on
# that, each against its own timeout.
if(CMAKE_CROSSCOMPILING AND CMAKE_CROSSCOMPILING_EMULATOR)
  add_test(NAME wine_prefix COMMAND ${CMAKE_CROSSCOMPILING_EMULATOR} wineboot -i)
  set_tests_properties(wine_prefix PROPERTIES FIXTURES_SETUP wine TIMEOUT 300)
  get_property(all_tests DIRECTORY PROPERTY TESTS)
  list(REMOVE_ITEM all_tests wine_prefix)
  set_tests_properties(${all_tests} PROPERTIES FIXTURES_REQUIRED wine)
endif()
