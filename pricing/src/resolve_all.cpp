// Resolver::resolveAll(): the lines of a cart, an order or a page of hits in
// groups of 64, each group through loading stages over the snapshot's dense
// layout (slots, records, lists, index entries, rows), so that the cache misses
// of a whole group overlap instead of queueing. While a group is being loaded,
// the group before it is priced, a share of its lines after each stage, so that
// the loads arrive while the core computes instead of while it waits. Each line
// is priced by the one code path (detail::resolveInto), with the hashes and the
// ids the stages found, straight into the answer's vector.

#include <array>
#include <cstring>

#include "crossdock/pricing/resolver.h"
#include "resolve_line.h"
#include "touch.h"

namespace crossdock::pricing {

using detail::RowRange;
using detail::StringTable;
using detail::touch;

namespace {

constexpr std::size_t kGroup = 64;  // lines that go through each stage together
// The part of an answer a priced line writes: the line, the explanation's header
// and its first candidates.
constexpr std::size_t kAnswerPrefetchBytes = 640;  // prefetched for writing as the line is priced

// The addresses one stage wants loaded, collected first and prefetched afterwards
// in one tight loop, so that all of the group's misses are in flight together.
// Prefetches, not loads: a load of a missing line blocks retirement, and the
// pricing of the previous group that follows the loop would then stall behind it.
class PrefetchList {
public:
    void add(const void* p) {
        if (p != nullptr && size_ < kCapacity) addresses_[size_++] = p;
    }
    void addRange(const void* first, std::size_t bytes) {
        const char* begin = static_cast<const char*>(first);
        for (std::size_t at = 0; at < bytes; at += 64) add(begin + at);
        add(begin + bytes - 1);
    }
    void prefetchAll() {
        for (std::size_t i = 0; i < size_; ++i) __builtin_prefetch(addresses_[i]);
        size_ = 0;
    }

private:
    static constexpr std::size_t kCapacity = kGroup * 16;
    std::array<const void*, kCapacity> addresses_;
    std::size_t size_ = 0;
};

// a == b for the short texts of a request (ids, units), without a call to memcmp:
// up to 16 bytes as two 8-byte words that may overlap. Longer texts take memcmp.
bool sameText(std::string_view a, std::string_view b) {
    const std::size_t n = a.size();
    if (n != b.size()) return false;
    if (a.data() == b.data() || n == 0) return true;
    if (n < 8 || n > 16) return a == b;
    std::uint64_t a_head, b_head, a_tail, b_tail;
    std::memcpy(&a_head, a.data(), 8);
    std::memcpy(&b_head, b.data(), 8);
    std::memcpy(&a_tail, a.data() + n - 8, 8);
    std::memcpy(&b_tail, b.data() + n - 8, 8);
    return ((a_head ^ b_head) | (a_tail ^ b_tail)) == 0;
}

// What the first stages learnt about one line in the pipeline.
struct Ahead {
    detail::LineKeys keys;
    std::span<const std::uint32_t> chain;
    bool same_customer = false;  // the line before is for the same customer
    bool settled = false;        // the first list's rows are expected to price the line
    bool early = false;          // stage 2 knew the chain and started the first list's index entry
};

// Stage 1 (stage 0 loaded the request's strings): the hashes (a run of lines for one customer hashes its
// id once) and the customer's and the SKU's table slots.
void warmSlots(const detail::SnapshotState& s, const PriceRequest& request, const PriceRequest* previous,
               const Ahead* previous_ahead, Ahead& ahead, PrefetchList& loads) {
    ahead.same_customer = previous != nullptr && sameText(previous->customer_id, request.customer_id);
    if (ahead.same_customer) {
        ahead.keys.customer_hash = previous_ahead->keys.customer_hash;
    } else {
        ahead.keys.customer_hash = StringTable::hashOf(request.customer_id);
        loads.add(s.customers->ids.home(ahead.keys.customer_hash));
    }
    ahead.keys.sku_hash = StringTable::hashOf(request.sku);
    loads.add(s.skus->home(ahead.keys.sku_hash));
}

// Stage 2: the customer's record (its chain is inline) and the item's record.
// A run of lines of one customer in one unit (a cart) looks both up once.
void warmRecords(const detail::SnapshotState& s, const PriceRequest& request, const PriceRequest* previous,
                 const Ahead* previous_ahead, Ahead& ahead, PrefetchList& loads) {
    detail::LineKeys& keys = ahead.keys;
    const auto& customers = *s.customers;
    const bool same_customer = ahead.same_customer;
    keys.customer_index = same_customer ? previous_ahead->keys.customer_index
                                        : customers.ids.find(request.customer_id, keys.customer_hash);
    const bool same_unit = previous != nullptr && sameText(previous->uom, request.uom);
    keys.uom_id = same_unit ? previous_ahead->keys.uom_id : s.units->find(request.uom);
    if (keys.customer_index != StringTable::kNone) loads.add(&customers.records[keys.customer_index]);
    keys.sku_id = s.skus->find(request.sku, keys.sku_hash);
    if (keys.sku_id < s.item_table->records.size()) loads.add(&s.item_table->records[keys.sku_id]);
    keys.looked_up = true;
    if (same_customer && !previous_ahead->chain.empty()) {
        // A run of one customer (a cart) whose lists an earlier line loaded: the
        // chain is known, so the first list's index entry starts loading now, two
        // stages early, and stages 3 and 4 have nothing left to wait for.
        ahead.chain = previous_ahead->chain;
        ahead.early = true;
        if (keys.sku_id != StringTable::kNone)
            loads.add(s.lists[ahead.chain[0]]->index_view.home(keys.sku_id));
    }
}

// Stage 3: the customer's chain; starts loading the chain's lists.
void warmLists(const detail::SnapshotState& s, Ahead& ahead, PrefetchList& loads) {
    const auto& customers = *s.customers;
    const auto index = ahead.keys.customer_index;
    if (ahead.early || index == StringTable::kNone || !customers.records[index].active) return;
    ahead.chain = customers.chainOf(customers.records[index]);
    for (const auto slot : ahead.chain) loads.add(s.lists[slot].get());  // the hot line, with a short id
}

// Stage 4: the first list's index entry for the SKU (direct or hashed).
void warmFirstIndex(const detail::SnapshotState& s, const Ahead& ahead, PrefetchList& loads) {
    if (ahead.early || ahead.keys.sku_id == StringTable::kNone || ahead.chain.empty()) return;
    loads.add(s.lists[ahead.chain[0]]->index_view.home(ahead.keys.sku_id));
}

// Stage 5: the first list's rows for the SKU. Under `priority`, an entry list
// with rows for the SKU usually prices the line, and the lists after it are then
// not consulted: they are left alone (a wrong guess costs misses, never a
// result). Otherwise the index entries of the other lists.
void warmFirstRows(const detail::SnapshotState& s, const detail::CustomerTable& customers, Ahead& ahead,
                   PrefetchList& loads) {
    if (ahead.keys.sku_id == StringTable::kNone || ahead.chain.empty()) return;
    const detail::ListData& first = *s.lists[ahead.chain[0]];
    const RowRange range = first.index_view.find(ahead.keys.sku_id);
    ahead.keys.ranges[0] = range;
    ahead.keys.ranges_found = 1;
    if (range.count != 0) loads.addRange(first.row_data + range.begin, range.count * sizeof(detail::Row));
    ahead.settled = range.count != 0 && !first.rules &&
                    customers.records[ahead.keys.customer_index].strategy == Strategy::Priority;
    if (ahead.settled) return;
    for (const auto slot : ahead.chain.subspan(1))
        loads.add(s.lists[slot]->index_view.home(ahead.keys.sku_id));
}

// Stage 6: the SKU's rows in the other lists, unless the first one settled the line.
void warmOtherRows(const detail::SnapshotState& s, Ahead& ahead, PrefetchList& loads) {
    if (ahead.keys.sku_id == StringTable::kNone || ahead.chain.empty() || ahead.settled) return;
    for (std::size_t i = 1; i < ahead.chain.size(); ++i) {
        const detail::ListData& list = *s.lists[ahead.chain[i]];
        const RowRange range = list.index_view.find(ahead.keys.sku_id);
        if (i < ahead.keys.ranges.size()) {
            ahead.keys.ranges[i] = range;
            ahead.keys.ranges_found = static_cast<std::uint8_t>(i + 1);
        }
        if (range.count != 0) loads.addRange(list.row_data + range.begin, range.count * sizeof(detail::Row));
    }
}

}  // namespace

std::vector<core::Result<PricedLine>> Resolver::resolveAll(std::span<const PriceRequest> requests) const {
    const detail::SnapshotState& s = snapshot_->state();
    const std::size_t n = requests.size();
    std::vector<core::Result<PricedLine>> lines;
    lines.reserve(n);
    std::array<std::array<Ahead, kGroup>, 2> aheads;  // the group being loaded and the one before
    const Ahead none;
    PrefetchList loads;
    const std::size_t groups = (n + kGroup - 1) / kGroup;
    // Round g loads group g and prices group g - 1 (loaded in round g - 1).
    for (std::size_t g = 0; g <= groups; ++g) {
        const std::size_t priced_begin = g == 0 ? 0 : (g - 1) * kGroup;
        const std::size_t priced_count = g == 0 ? 0 : std::min(kGroup, n - priced_begin);
        const std::array<Ahead, kGroup>& loaded = aheads[(g + 1) % 2];
        std::size_t done = 0;
        const auto priceUpTo = [&](std::size_t end) {
            for (; done < end; ++done) {
                // The answer's slot for the line (reserved above): written now, read by the caller.
                const char* out = reinterpret_cast<const char*>(lines.data() + priced_begin + done);
                for (std::size_t at_byte = 0; at_byte < kAnswerPrefetchBytes; at_byte += 64)
                    __builtin_prefetch(out + at_byte, 1);
                PricedLine empty;  // not zeroed: resolveInto() sets what the line uses
                detail::resolveInto(s, requests[priced_begin + done], loaded[done].keys,
                                    lines.emplace_back(std::move(empty)));
            }
        };
        // After stage k of the loading, k sevenths of the group before are priced.
        const auto afterStage = [&](std::size_t stage) {
            loads.prefetchAll();
            priceUpTo(priced_count * stage / 7);
        };
        if (g < groups) {
            std::array<Ahead, kGroup>& ahead = aheads[g % 2];
            const std::size_t begin = g * kGroup;
            const std::size_t count = std::min(kGroup, n - begin);
            const PriceRequest* group = requests.data() + begin;
            for (std::size_t i = 0; i < count; ++i) {
                if (!group[i].customer_id.empty()) touch(group[i].customer_id.data());
                if (!group[i].sku.empty()) touch(group[i].sku.data());
            }
            // Line i follows line i - 1; the group's first line follows the previous group's last.
            const PriceRequest* before = begin == 0 ? nullptr : group - 1;
            const Ahead* before_ahead = begin == 0 ? &none : &loaded[priced_count - 1];
            const auto previous = [&](std::size_t i) { return i == 0 ? before : &group[i - 1]; };
            const auto previousAhead = [&](std::size_t i) { return i == 0 ? before_ahead : &ahead[i - 1]; };
            for (std::size_t i = 0; i < count; ++i) {
                ahead[i] = Ahead{};
                warmSlots(s, group[i], previous(i), previousAhead(i), ahead[i], loads);
            }
            afterStage(1);
            for (std::size_t i = 0; i < count; ++i)
                warmRecords(s, group[i], previous(i), previousAhead(i), ahead[i], loads);
            afterStage(2);
            for (std::size_t i = 0; i < count; ++i) warmLists(s, ahead[i], loads);
            afterStage(3);
            for (std::size_t i = 0; i < count; ++i) warmFirstIndex(s, ahead[i], loads);
            afterStage(4);
            for (std::size_t i = 0; i < count; ++i) warmFirstRows(s, *s.customers, ahead[i], loads);
            afterStage(5);
            for (std::size_t i = 0; i < count; ++i) warmOtherRows(s, ahead[i], loads);
            afterStage(6);
        }
        priceUpTo(priced_count);
    }
    return lines;
}

}  // namespace crossdock::pricing
