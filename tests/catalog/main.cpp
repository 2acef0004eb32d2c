// The runner of catalog_tests: Boost.Test's own main, linked dynamically.
#define BOOST_TEST_MODULE catalog_tests
#include <boost/test/unit_test.hpp>
