// The runner of sales_tests: Boost.Test's own main, linked dynamically.
#define BOOST_TEST_MODULE sales_tests
#include <boost/test/unit_test.hpp>
