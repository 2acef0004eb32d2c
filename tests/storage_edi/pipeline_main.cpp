#define BOOST_TEST_MODULE edi_pipeline_tests
#include <boost/test/unit_test.hpp>
