#define BOOST_TEST_MODULE storage_edi_tests
#include <boost/test/unit_test.hpp>
