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

    __attribute__((always_inline)) void add(std::uint64_t terminator, std::uint64_t line_break) {
        const std::uint64_t after = (terminator << 1) | after_terminator;
        const std::uint64_t first = line_break & after;
        const std::uint64_t other = line_break & ~after;  // none in "~\n" files: one branch
        if (other != 0) [[unlikely]]
            bad |= other & ~((first << 1) | after_break);
        after_terminator = terminator >> 63;
        after_break = first >> 63;
    }
};

#if defined(CROSSDOCK_X12_X86)
// Not always_inline: it is inlined once build() sits in a kernel with BMI2 (indexAvx2).
__attribute__((target("bmi2"))) inline std::uint64_t pextBmi2(std::uint64_t bits, std::uint64_t mask) {
    return _pext_u64(bits, mask);
}
#endif

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

    // The ranks of the terminators of the block at `at`, one at a time (about one a block),
    // and a bit in `space_before` when a byte <= ' ' lies right before one in the window.
    __attribute__((always_inline)) static inline std::uint32_t* oneByOne(
        const char* data, std::size_t begin, std::size_t at, std::uint64_t terminator, std::uint64_t all,
        std::uint32_t rank, std::uint32_t* terminators, std::uint64_t& space_before) {
        for (std::uint64_t t = terminator; t != 0; t &= t - 1) {
            *terminators++ = rank + static_cast<std::uint32_t>(std::popcount(all & ((t & (0 - t)) - 1)));
            const std::size_t position = at + static_cast<std::size_t>(std::countr_zero(t));
            space_before |= static_cast<std::uint64_t>(position > begin &&
                                                       static_cast<unsigned char>(data[position - 1]) <= ' ');
        }
        return terminators;
    }

    // kPext: the terminators' ranks from their bits extracted (pext) from the marks' mask,
    // flattened like the marks, and the blank bytes classified with the block (AVX2 with
    // BMI2); else oneByOne().
    template <Masks (*Classify)(const char*, char, char), bool kPext>
    __attribute__((always_inline)) static inline void build(const char* data, std::size_t begin,
                                                            std::size_t size, char element, char terminator,
                                                            BlockIndex& index) {
        const std::size_t end = std::min(size, begin + BlockIndex::kWindow);
        std::uint32_t* const marks = index.marks_.get();
        std::uint32_t* out = marks;
        std::uint32_t* terminators = index.terminators_.get() + 1;
        std::uint64_t* const line_breaks = index.line_breaks_.get();
        std::size_t block = 0;
        BreakCheck breaks;
        std::uint64_t space_before = 0;  // a byte <= ' ' right before a terminator
        std::uint64_t space_carry = 0;
        for (std::size_t at = begin; at < end; at += kBlock, ++block) {
            const Masks m = end - at >= kBlock
                                ? Classify(data + at, element, terminator)
                                : classifyTail<Classify>(data + at, end - at, element, terminator);
            const std::uint64_t all = m.element | m.terminator;
            const auto rank = static_cast<std::uint32_t>(out - marks);
            const auto base = static_cast<std::uint32_t>(at - begin);
            if constexpr (kPext) {
#if defined(CROSSDOCK_X12_X86)
                terminators = flatten(pextBmi2(m.terminator, all), rank, terminators);
#endif
                space_before |= ((m.blank << 1) | space_carry) & m.terminator;
                space_carry = m.blank >> 63;
            } else {  // the blank bytes not classified: looked up before each terminator
                terminators = oneByOne(data, begin, at, m.terminator, all, rank, terminators, space_before);
            }
            out = flatten(all, base, out);
            line_breaks[block] = m.line_break;
            breaks.add(m.terminator, m.line_break);
        }
        finish(index, begin, end, out, terminators, block);
        index.breaks_between_ = breaks.bad == 0;
        index.no_space_before_terminator_ = space_before == 0;
    }

#if defined(CROSSDOCK_X12_X86)
    // AVX-512 (VBMI2): the positions of a block's marks come out of one byte compress of
    // 0..63, widened 16 at a time; the terminators' ranks are the compress of their bits
    // extracted (pext) from the marks' mask. No branch depends on the data. Whole blocks
    // are read without a mask; the last, partial one with a masked (never faulting) load.
    __attribute__((target("avx512f,avx512bw,avx512vbmi2,bmi,bmi2,popcnt"))) static void buildAvx512(
        const char* data, std::size_t begin, std::size_t size, char element, char terminator,
        BlockIndex& index) {
        Avx512Run run(element, terminator, index);
        const std::size_t end = std::min(size, begin + BlockIndex::kWindow);
        std::size_t at = begin;
        for (; end - at >= kBlock; at += kBlock) run.block<true>(data + at, ~__mmask64{0});
        if (at < end)
            run.block<false>(data + at, _bzhi_u64(~std::uint64_t{0}, static_cast<unsigned>(end - at)));
        const auto blocks = static_cast<std::size_t>(run.line_breaks - index.line_breaks_.get());
        finish(index, begin, end, run.out, run.terminators, blocks);
        index.breaks_between_ = run.breaks.bad == 0;
        index.no_space_before_terminator_ = run.space_before == 0;
    }

    // The running state of buildAvx512(): where the tables stand, the carries between blocks.
    struct Avx512Run {
        __m512i iota, e, t, cr, lf, space, base, step;
        std::uint32_t* const marks;
        std::uint32_t* out;          // the next mark
        std::uint32_t* terminators;  // the next terminator's rank
        std::uint64_t* line_breaks;  // the next block's CR/LF bits
        BreakCheck breaks;
        std::uint64_t space_before = 0;  // a byte <= ' ' (space, tab, CR, LF, ...) right before a terminator
        std::uint64_t space_carry = 0;

        __attribute__((target("avx512f,avx512bw,avx512vbmi2,bmi,bmi2,popcnt"), always_inline))
        Avx512Run(char element, char terminator, BlockIndex& index)
            : marks(index.marks_.get()),
              out(marks),
              terminators(index.terminators_.get() + 1),
              line_breaks(index.line_breaks_.get()) {
            alignas(64) static constexpr std::uint8_t kIota[64] = {
                0,  1,  2,  3,  4,  5,  6,  7,  8,  9,  10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21,
                22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43,
                44, 45, 46, 47, 48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63};
            iota = _mm512_load_si512(kIota);
            e = _mm512_set1_epi8(element);
            t = _mm512_set1_epi8(terminator);
            cr = _mm512_set1_epi8('\r');
            lf = _mm512_set1_epi8('\n');
            space = _mm512_set1_epi8(' ');
            base = _mm512_setzero_si512();
            step = _mm512_set1_epi32(static_cast<int>(kBlock));
        }

        // One block at p (kFull: all 64 bytes valid; else only those of `valid`).
        template <bool kFull>
        __attribute__((target("avx512f,avx512bw,avx512vbmi2,bmi,bmi2,popcnt"), always_inline)) void block(
            const char* p, __mmask64 valid) {
            const __m512i x = kFull ? _mm512_loadu_si512(p) : _mm512_maskz_loadu_epi8(valid, p);
            const __mmask64 me = _mm512_mask_cmpeq_epi8_mask(valid, x, e);
            const __mmask64 mt = _mm512_mask_cmpeq_epi8_mask(valid, x, t);
            const __mmask64 ml =
                _mm512_mask_cmpeq_epi8_mask(valid, x, cr) | _mm512_mask_cmpeq_epi8_mask(valid, x, lf);
            const std::uint64_t all = me | mt;
            const __m512i rank = _mm512_set1_epi32(static_cast<int>(out - marks));
            out = widen<32>(_mm512_maskz_compress_epi8(all, iota), base, out, std::popcount(all));
            terminators = widen<16>(_mm512_maskz_compress_epi8(_pext_u64(mt, all), iota), rank, terminators,
                                    std::popcount(mt));
            *line_breaks++ = ml;
            breaks.add(mt, ml);
            // Every byte up to ' ': all the whitespace the reader trims, and then some.
            const std::uint64_t blank = _mm512_mask_cmple_epu8_mask(valid, x, space);
            space_before |= ((blank << 1) | space_carry) & mt;
            space_carry = blank >> 63;
            base = _mm512_add_epi32(base, step);
        }
    };

    // Stores `count` bytes of `bytes` as uint32 + base: `kAlways` (16 or 32) of them
    // always (into the scratch past the count), more only when needed. Marks use 32 (a
    // block holds ~12, sometimes more than 16); terminators 16 (~1 a block).
    template <int kAlways>
    __attribute__((target("avx512f,avx512bw"), always_inline)) static inline std::uint32_t* widen(
        __m512i bytes, __m512i offset, std::uint32_t* out, int count) {
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
    BlockIndexBuilder::build<classifyAvx2, true>(data, begin, size, element, terminator, index);
}
void indexSse2(const char* data, std::size_t begin, std::size_t size, char element, char terminator,
               BlockIndex& index) {
    BlockIndexBuilder::build<classifySse2, false>(data, begin, size, element, terminator, index);
}
#endif
void indexScalar(const char* data, std::size_t begin, std::size_t size, char element, char terminator,
                 BlockIndex& index) {
    BlockIndexBuilder::build<classifyPlain, false>(data, begin, size, element, terminator, index);
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
