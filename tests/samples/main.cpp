// The runner of samples_tests: Boost.Test's own main, linked dynamically.
#define BOOST_TEST_MODULE samples_tests
#include <boost/test/unit_test.hpp>
