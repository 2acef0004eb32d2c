#define BOOST_TEST_MODULE portal_tests
#include <boost/test/unit_test.hpp>
