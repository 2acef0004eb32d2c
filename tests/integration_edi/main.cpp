#define BOOST_TEST_MODULE integration_edi_tests
#include <boost/test/unit_test.hpp>
