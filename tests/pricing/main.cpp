// The runner of pricing_tests: Boost.Test's own main, linked dynamically.
#define BOOST_TEST_MODULE pricing_tests
#include <boost/test/unit_test.hpp>
