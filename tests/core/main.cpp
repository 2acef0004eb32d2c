// The runner of core_tests: Boost.Test's own main, linked dynamically.
#define BOOST_TEST_MODULE core_tests
#include <boost/test/unit_test.hpp>
