#include "crossdock/edi/x12/byte_source.h"

#include <algorithm>
#include <cstring>
#include <stdexcept>

namespace crossdock::edi::x12 {

std::size_t IstreamSource::read(char* destination, std::size_t capacity) {
    if (capacity == 0 || stream_.eof()) return 0;
    stream_.read(destination, static_cast<std::streamsize>(capacity));
    const auto got = static_cast<std::size_t>(stream_.gcount());
    if (stream_.bad() || (stream_.fail() && !stream_.eof())) {
        throw std::runtime_error("reading the X12 input failed");
    }
    return got;
}

std::size_t CallbackSource::read(char* destination, std::size_t capacity) {
    if (ended_ || capacity == 0) return 0;
    const std::size_t got = callback_(destination, capacity);
    if (got > capacity) throw std::logic_error("CallbackSource: the callback returned more than asked");
    if (got == 0) ended_ = true;
    return got;
}

std::size_t MemorySource::read(char* destination, std::size_t capacity) {
    const std::size_t n = std::min({capacity, chunk_, bytes_.size()});
    if (n > 0) std::memcpy(destination, bytes_.data(), n);
    bytes_.remove_prefix(n);
    return n;
}

}  // namespace crossdock::edi::x12
