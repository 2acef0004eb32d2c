#include "x12/block_index.h"

#include <algorithm>
#include <bit>
#include <cstring>

#include "x12/block_masks.h"

// GCC 12's AVX-512 headers build some intrinsics on _mm_undefined_si128() and then
// warn that it "may be used uninitialized" (GCC bug 105593): not our variables.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif

namespace crossdock::edi::x12::detail {

// Whether every CR or LF of a window lies right after a terminator, or right after such a
// line break ("~\n", "~\r\n"), fed block by block: then no segment that starts past the
// filler after its terminator can hold one (BlockIndex::breaksBetweenSegments()).
struct BreakCheck {
    std::uint64_t bad = 0;
    std::uint64_t after_terminator = 0;  // carried from the previous block: bit 0
    std::uint64_t after_break = 0;

    void add(std::uint64_t terminator, std::uint64_t line_break) {
        const std::uint64_t first = line_break & ((terminator << 1) | after_terminator);
        const std::uint64_t second = line_break & ((first << 1) | after_break);
        bad |= line_break & ~(first | second);
        after_terminator = terminator >> 63;
        after_break = first >> 63;
    }
};

// Fills a BlockIndex from per-block masks; the kernels differ only in how they get them.
struct BlockIndexBuilder {
    static void finish(BlockIndex& index, std::size_t begin, std::size_t end, const std::uint32_t* marks_end,
                       const std::uint32_t* terminators_end, std::size_t blocks) {
        index.mark_count_ = static_cast<std::size_t>(marks_end - index.marks_.get());
        index.terminator_count_ = static_cast<std::size_t>(terminators_end - index.terminators_.get()) - 1;
        index.line_breaks_[blocks] = 0;  // lineBreakIn() reads one block ahead
        index.line_breaks_[blocks + 1] = 0;
        index.begin_ = begin;
        index.end_ = end;
        index.valid_ = true;
        index.cursor = 1;
        index.resume = SIZE_MAX;
    }

    template <Masks (*Classify)(const char*, char, char)>
    __attribute__((always_inline)) static inline void build(const char* data, std::size_t begin,
                                                            std::size_t size, char element, char terminator,
                                                            BlockIndex& index) {
        const std::size_t end = std::min(size, begin + BlockIndex::kWindow);
        std::uint32_t* const marks = index.marks_.get();
        std::uint32_t* out = marks;
        std::uint32_t* terminators = index.terminators_.get() + 1;
        std::size_t block = 0;
        BreakCheck breaks;
        for (std::size_t at = begin; at < end; at += kBlock, ++block) {
            const Masks m = end - at >= kBlock
                                ? Classify(data + at, element, terminator)
                                : classifyTail<Classify>(data + at, end - at, element, terminator);
            const std::uint64_t all = m.element | m.terminator;
            const auto rank = static_cast<std::uint32_t>(out - marks);
            const auto base = static_cast<std::uint32_t>(at - begin);
            for (std::uint64_t t = m.terminator; t != 0; t &= t - 1) {  // about one per block
                *terminators++ = rank + static_cast<std::uint32_t>(std::popcount(all & ((t & (0 - t)) - 1)));
            }
            out = flatten(all, base, out);
            index.line_breaks_[block] = m.line_break;
            breaks.add(m.terminator, m.line_break);
        }
        finish(index, begin, end, out, terminators, block);
        index.breaks_between_ = breaks.bad == 0;
        index.no_space_before_terminator_ = false;  // not looked for: the reader checks each segment
    }

#if defined(CROSSDOCK_X12_X86)
    // AVX-512 (VBMI2): the positions of a block's marks come out of one byte compress of
    // 0..63, widened 16 at a time; the terminators' ranks are the compress of their bits
    // extracted (pext) from the marks' mask. No branch depends on the data.
    __attribute__((target("avx512f,avx512bw,avx512vbmi2,bmi,bmi2,popcnt"))) static void buildAvx512(
        const char* data, std::size_t begin, std::size_t size, char element, char terminator,
        BlockIndex& index) {
        alignas(64) static constexpr std::uint8_t kIota[64] = {
            0,  1,  2,  3,  4,  5,  6,  7,  8,  9,  10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21,
            22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43,
            44, 45, 46, 47, 48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63};
        const __m512i iota = _mm512_load_si512(kIota);
        const __m512i e = _mm512_set1_epi8(element);
        const __m512i t = _mm512_set1_epi8(terminator);
        const __m512i cr = _mm512_set1_epi8('\r');
        const __m512i lf = _mm512_set1_epi8('\n');
        const __m512i space = _mm512_set1_epi8(' ');
        std::uint64_t space_before = 0;  // a byte <= ' ' (space, tab, CR, LF, ...) right before a terminator
        std::uint64_t space_carry = 0;
        const std::size_t end = std::min(size, begin + BlockIndex::kWindow);
        std::uint32_t* const marks = index.marks_.get();
        std::uint32_t* out = marks;
        std::uint32_t* terminators = index.terminators_.get() + 1;
        std::size_t block = 0;
        BreakCheck breaks;
        for (std::size_t at = begin; at < end; at += kBlock, ++block) {
            const std::size_t n = std::min(kBlock, end - at);
            const __mmask64 valid =
                n == kBlock ? ~__mmask64{0} : _bzhi_u64(~std::uint64_t{0}, static_cast<unsigned>(n));
            const __m512i x = _mm512_maskz_loadu_epi8(valid, data + at);  // masked bytes never fault
            const __mmask64 me = _mm512_mask_cmpeq_epi8_mask(valid, x, e);
            const __mmask64 mt = _mm512_mask_cmpeq_epi8_mask(valid, x, t);
            const __mmask64 ml =
                _mm512_mask_cmpeq_epi8_mask(valid, x, cr) | _mm512_mask_cmpeq_epi8_mask(valid, x, lf);
            const std::uint64_t all = me | mt;
            const auto rank = static_cast<std::uint32_t>(out - marks);
            const auto base = static_cast<std::uint32_t>(at - begin);
            out = widen<32>(_mm512_maskz_compress_epi8(all, iota), base, out, std::popcount(all));
            const int count = std::popcount(mt);
            terminators =
                widen<16>(_mm512_maskz_compress_epi8(_pext_u64(mt, all), iota), rank, terminators, count);
            index.line_breaks_[block] = ml;
            breaks.add(mt, ml);
            // Every byte up to ' ': all the whitespace the reader trims, and then some.
            const std::uint64_t blank = _mm512_mask_cmple_epu8_mask(valid, x, space);
            space_before |= ((blank << 1) | space_carry) & mt;
            space_carry = blank >> 63;
        }
        finish(index, begin, end, out, terminators, block);
        index.breaks_between_ = breaks.bad == 0;
        index.no_space_before_terminator_ = space_before == 0;
    }

    // Stores `count` bytes of `bytes` as uint32 + base: `kAlways` (16 or 32) of them
    // always (into the scratch past the count), more only when needed. Marks use 32 (a
    // block holds ~12, sometimes more than 16); terminators 16 (~1 a block).
    template <int kAlways>
    __attribute__((target("avx512f,avx512bw"), always_inline)) static inline std::uint32_t* widen(
        __m512i bytes, std::uint32_t base, std::uint32_t* out, int count) {
        const __m512i offset = _mm512_set1_epi32(static_cast<int>(base));
        _mm512_storeu_si512(out,
                            _mm512_add_epi32(_mm512_cvtepu8_epi32(_mm512_castsi512_si128(bytes)), offset));
        const __m512i second =
            _mm512_add_epi32(_mm512_cvtepu8_epi32(_mm512_extracti32x4_epi32(bytes, 1)), offset);
        if constexpr (kAlways == 32) {
            _mm512_storeu_si512(out + 16, second);
        } else if (count > 16) [[unlikely]] {
            _mm512_storeu_si512(out + 16, second);
        }
        if (count > 32) [[unlikely]] {
            _mm512_storeu_si512(out + 32, _mm512_add_epi32(_mm512_maskz_cvtepu8_epi32(
                                                               0xFFFF, _mm512_extracti32x4_epi32(bytes, 2)),
                                                           offset));
            _mm512_storeu_si512(out + 48, _mm512_add_epi32(_mm512_maskz_cvtepu8_epi32(
                                                               0xFFFF, _mm512_extracti32x4_epi32(bytes, 3)),
                                                           offset));
        }
        return out + count;
    }
#endif
};

namespace {

#if defined(CROSSDOCK_X12_X86)
__attribute__((target("avx2,popcnt,bmi,bmi2"))) void indexAvx2(const char* data, std::size_t begin,
                                                               std::size_t size, char element,
                                                               char terminator, BlockIndex& index) {
    BlockIndexBuilder::build<classifyAvx2>(data, begin, size, element, terminator, index);
}
void indexSse2(const char* data, std::size_t begin, std::size_t size, char element, char terminator,
               BlockIndex& index) {
    BlockIndexBuilder::build<classifySse2>(data, begin, size, element, terminator, index);
}
#endif
void indexScalar(const char* data, std::size_t begin, std::size_t size, char element, char terminator,
                 BlockIndex& index) {
    BlockIndexBuilder::build<classifyPlain>(data, begin, size, element, terminator, index);
}

}  // namespace

BlockIndex::BlockIndex()
    : marks_(std::make_unique_for_overwrite<std::uint32_t[]>(kWindow + kScratch)),
      terminators_(std::make_unique_for_overwrite<std::uint32_t[]>(kWindow + kScratch)),
      line_breaks_(std::make_unique<std::uint64_t[]>(kBlocks + 2)) {
    terminators_[0] = UINT32_MAX;
}

bool BlockIndex::lineBreakInLong(std::uint32_t from, std::uint32_t to) const {
    for (std::uint32_t at = from; at < to; at += 64) {
        if (lineBreakIn(at, std::min(to, at + 64))) return true;
    }
    return false;
}

IndexFunction indexFunction(SimdKernel wanted) {
#if defined(CROSSDOCK_X12_X86)
    __builtin_cpu_init();
    const bool avx2 = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("popcnt") &&
                      __builtin_cpu_supports("bmi") && __builtin_cpu_supports("bmi2");
    const bool avx512 = avx2 && __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") &&
                        __builtin_cpu_supports("avx512vbmi2");
    switch (wanted) {
        case SimdKernel::Best:
        case SimdKernel::Avx512:
            if (avx512) return &BlockIndexBuilder::buildAvx512;
            [[fallthrough]];
        case SimdKernel::Avx2:
            if (avx2) return &indexAvx2;
            [[fallthrough]];
        case SimdKernel::Sse2:
            return &indexSse2;
        case SimdKernel::Scalar:
            break;
    }
#else
    (void)wanted;
#endif
    return &indexScalar;
}

}  // namespace crossdock::edi::x12::detail
