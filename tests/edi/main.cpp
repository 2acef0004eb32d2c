// The runner of edi_tests: Boost.Test's own main, linked dynamically.
#define BOOST_TEST_MODULE edi_tests
#include <boost/test/unit_test.hpp>
