// The runner of bmecat_tests: Boost.Test's own main, linked dynamically.
#define BOOST_TEST_MODULE bmecat_tests
#include <boost/test/unit_test.hpp>
