#define BOOST_TEST_MODULE catalog_storage_tests
#include <boost/test/unit_test.hpp>
