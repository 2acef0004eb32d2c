#define BOOST_TEST_MODULE storage_sales_tests
#include <boost/test/unit_test.hpp>
