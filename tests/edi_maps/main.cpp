// The runner of edi_maps_tests: Boost.Test's own main, linked dynamically.
#define BOOST_TEST_MODULE edi_maps_tests
#include <boost/test/unit_test.hpp>
