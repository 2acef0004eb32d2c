#pragma once

// The block classification shared by the segment scanner and the block index: which
// bytes of a 64-byte block are element separators, terminators, CR or LF, as bit masks
// (bit i = byte i). SSE2 is the x86-64 baseline; AVX2 functions carry a target
// attribute and are only called after a CPU check; classifyPlain is the portable
// scalar fallback and gives identical masks.

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#define CROSSDOCK_X12_X86 1
#endif

namespace crossdock::edi::x12::detail {

constexpr std::size_t kBlock = 64;

// The bits of one 64-byte block: element separators, terminators, CR or LF, and bytes up
// to ' ' (space, tab, CR, LF, control bytes: `blank`, for the block index only; the
// scanner's loop leaves it unused and the compiler drops it).
struct Masks {
    std::uint64_t element;
    std::uint64_t terminator;
    std::uint64_t line_break;
    std::uint64_t blank;
};

#if defined(CROSSDOCK_X12_X86)
inline std::uint64_t bits16(__m128i hit) { return static_cast<std::uint32_t>(_mm_movemask_epi8(hit)); }

inline Masks classifySse2(const char* p, char element, char terminator) {
    const __m128i e = _mm_set1_epi8(element);
    const __m128i t = _mm_set1_epi8(terminator);
    const __m128i cr = _mm_set1_epi8('\r');
    const __m128i lf = _mm_set1_epi8('\n');
    const __m128i space = _mm_set1_epi8(' ');
    Masks m{0, 0, 0, 0};
#pragma GCC unroll 4
    for (int i = 0; i < 4; ++i) {
        const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * i));
        m.element |= bits16(_mm_cmpeq_epi8(x, e)) << (16 * i);
        m.terminator |= bits16(_mm_cmpeq_epi8(x, t)) << (16 * i);
        m.line_break |= bits16(_mm_or_si128(_mm_cmpeq_epi8(x, cr), _mm_cmpeq_epi8(x, lf))) << (16 * i);
        m.blank |= bits16(_mm_cmpeq_epi8(_mm_max_epu8(x, space), space)) << (16 * i);  // x <= ' '
    }
    return m;
}

__attribute__((target("avx2"))) inline std::uint64_t bits32(__m256i hit) {
    return static_cast<std::uint32_t>(_mm256_movemask_epi8(hit));
}

__attribute__((target("avx2"))) inline Masks classifyAvx2(const char* p, char element, char terminator) {
    const __m256i e = _mm256_set1_epi8(element);
    const __m256i t = _mm256_set1_epi8(terminator);
    const __m256i cr = _mm256_set1_epi8('\r');
    const __m256i lf = _mm256_set1_epi8('\n');
    const __m256i space = _mm256_set1_epi8(' ');
    Masks m{0, 0, 0, 0};
#pragma GCC unroll 2
    for (int i = 0; i < 2; ++i) {
        const __m256i x = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + 32 * i));
        m.element |= bits32(_mm256_cmpeq_epi8(x, e)) << (32 * i);
        m.terminator |= bits32(_mm256_cmpeq_epi8(x, t)) << (32 * i);
        m.line_break |= bits32(_mm256_or_si256(_mm256_cmpeq_epi8(x, cr), _mm256_cmpeq_epi8(x, lf)))
                        << (32 * i);
        m.blank |= bits32(_mm256_cmpeq_epi8(_mm256_max_epu8(x, space), space)) << (32 * i);  // x <= ' '
    }
    return m;
}
#endif

inline Masks classifyPlain(const char* p, char element, char terminator) {
    Masks m{0, 0, 0, 0};
    for (unsigned i = 0; i < kBlock; ++i) {
        const char c = p[i];
        m.element |= static_cast<std::uint64_t>(c == element) << i;
        m.terminator |= static_cast<std::uint64_t>(c == terminator) << i;
        m.line_break |= static_cast<std::uint64_t>(c == '\r' || c == '\n') << i;
        m.blank |= static_cast<std::uint64_t>(static_cast<unsigned char>(c) <= ' ') << i;
    }
    return m;
}

// Appends base + i for every set bit i, eight at a time without a branch per bit
// (simdjson's trick: the slots past the count are scratch; the caller keeps 64 + 8
// free). Written out so that the compiler keeps it unrolled.
#define CROSSDOCK_X12_ONE_BIT(k)                                      \
    o[k] = base + static_cast<std::uint32_t>(std::countr_zero(mask)); \
    mask &= mask - 1;
__attribute__((always_inline)) inline std::uint32_t* flatten(std::uint64_t mask, std::uint32_t base,
                                                             std::uint32_t* out) {
    const int count = std::popcount(mask);
    std::uint32_t* o = out;
    while (mask != 0) {
        CROSSDOCK_X12_ONE_BIT(0)
        CROSSDOCK_X12_ONE_BIT(1)
        CROSSDOCK_X12_ONE_BIT(2)
        CROSSDOCK_X12_ONE_BIT(3)
        CROSSDOCK_X12_ONE_BIT(4)
        CROSSDOCK_X12_ONE_BIT(5)
        CROSSDOCK_X12_ONE_BIT(6)
        CROSSDOCK_X12_ONE_BIT(7)
        o += 8;
    }
    return out + count;
}
#undef CROSSDOCK_X12_ONE_BIT

// Classifies the last, partial block of the data from a padded copy: never reads past.
template <Masks (*Classify)(const char*, char, char)>
Masks classifyTail(const char* p, std::size_t n, char element, char terminator) {
    char tail[kBlock];
    std::memcpy(tail, p, n);
    std::memset(tail + n, 0, kBlock - n);
    Masks m = Classify(tail, element, terminator);
    const std::uint64_t valid = (std::uint64_t{1} << n) - 1;
    m.element &= valid;
    m.terminator &= valid;
    m.line_break &= valid;
    m.blank &= valid;
    return m;
}

}  // namespace crossdock::edi::x12::detail
