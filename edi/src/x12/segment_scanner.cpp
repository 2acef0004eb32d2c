#include "x12/segment_scanner.h"

#include <algorithm>
#include <bit>
#include <cstring>

#include "x12/block_masks.h"

namespace crossdock::edi::x12::detail {
namespace {

template <Masks (*Classify)(const char*, char, char)>
__attribute__((always_inline)) inline SegmentScan scan(const char* data, std::size_t begin, std::size_t size,
                                                       std::size_t max_length, char element, char terminator,
                                                       ElementEnds& ends) {
    std::uint32_t* out = ends.data();
    for (std::size_t at = begin; at < size; at += kBlock) {
        if (at - begin > max_length) return {SegmentScan::Status::TooLong, at, 0};
        const auto used = static_cast<std::size_t>(out - ends.data());
        if (used + kBlock + 8 > ends.capacity()) [[unlikely]] {
            ends.reserve(used + kBlock + 8, used);
            out = ends.data() + used;
        }
        const Masks m = size - at >= kBlock
                            ? Classify(data + at, element, terminator)
                            : classifyTail<Classify>(data + at, size - at, element, terminator);
        const std::uint64_t special = m.terminator | m.line_break;
        const auto base = static_cast<std::uint32_t>(at - begin);
        if (special == 0) {
            out = flatten(m.element, base, out);
            continue;
        }
        const int stop = std::countr_zero(special);
        out = flatten(m.element & ((std::uint64_t{1} << stop) - 1), base, out);
        const auto status = ((m.terminator >> stop) & 1u) != 0 ? SegmentScan::Status::Terminated
                                                               : SegmentScan::Status::LineBreak;
        return {status, at + static_cast<std::size_t>(stop), static_cast<std::size_t>(out - ends.data())};
    }
    return {SegmentScan::Status::NeedMore, size, static_cast<std::size_t>(out - ends.data())};
}

#if defined(CROSSDOCK_X12_X86)
__attribute__((target("avx2,popcnt,bmi,bmi2"))) SegmentScan scanAvx2(const char* data, std::size_t begin,
                                                                     std::size_t size, std::size_t max_length,
                                                                     char element, char terminator,
                                                                     ElementEnds& ends) {
    return scan<classifyAvx2>(data, begin, size, max_length, element, terminator, ends);
}
SegmentScan scanSse2(const char* data, std::size_t begin, std::size_t size, std::size_t max_length,
                     char element, char terminator, ElementEnds& ends) {
    return scan<classifySse2>(data, begin, size, max_length, element, terminator, ends);
}
#endif
[[maybe_unused]] SegmentScan scanPlain(const char* data, std::size_t begin, std::size_t size,
                                       std::size_t max_length, char element, char terminator,
                                       ElementEnds& ends) {
    return scan<classifyPlain>(data, begin, size, max_length, element, terminator, ends);
}

}  // namespace

void ElementEnds::grow(std::size_t capacity) {
    data_ = std::make_unique_for_overwrite<std::uint32_t[]>(capacity);
    capacity_ = capacity;
}

void ElementEnds::reserve(std::size_t needed, std::size_t used) {
    if (needed <= capacity_) return;
    const std::size_t capacity = std::max(needed, capacity_ * 2);
    auto bigger = std::make_unique_for_overwrite<std::uint32_t[]>(capacity);
    if (used > 0) std::memcpy(bigger.get(), data_.get(), used * sizeof(std::uint32_t));
    data_ = std::move(bigger);
    capacity_ = capacity;
}

ScanFunction bestScanFunction() {
#if defined(CROSSDOCK_X12_X86)
    __builtin_cpu_init();
    const bool avx2 = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("popcnt") &&
                      __builtin_cpu_supports("bmi") && __builtin_cpu_supports("bmi2");
    return avx2 ? &scanAvx2 : &scanSse2;
#else
    return &scanPlain;
#endif
}

}  // namespace crossdock::edi::x12::detail
