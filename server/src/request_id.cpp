// Request ids: accepted when sane, otherwise generated cheaply per thread.
#include "request_id.h"

#include <algorithm>
#include <cstdint>
#include <random>

namespace crossdock::server {

namespace {

constexpr std::size_t kMaxRequestIdLength = 128;

}  // namespace

bool isSaneRequestId(std::string_view id) {
    if (id.empty() || id.size() > kMaxRequestIdLength) return false;
    return std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
               c == '_' || c == ':' || c == '-';
    });
}

std::string newRequestId() {
    thread_local std::mt19937_64 generator{[] {
        std::random_device device;
        std::seed_seq seed{device(), device(), device(), device()};
        return std::mt19937_64(seed);
    }()};
    static constexpr char kHex[] = "0123456789abcdef";
    std::string id(32, '0');
    for (std::size_t half = 0; half < 2; ++half) {
        std::uint64_t bits = generator();
        for (std::size_t i = 0; i < 16; ++i) {
            id[half * 16 + i] = kHex[bits & 0xF];
            bits >>= 4;
        }
    }
    return id;
}

}  // namespace crossdock::server
