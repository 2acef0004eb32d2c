#define BOOST_TEST_MODULE server_perf_tests
#include <boost/test/unit_test.hpp>
