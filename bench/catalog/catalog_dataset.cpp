#include "catalog_dataset.h"

#include <cstdio>
#include <stdexcept>

namespace crossdock::bench {

using catalog::AttributeDefinition;
using catalog::AttributeType;

std::uint64_t Rng::next() {
    std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

namespace {

// Pronounceable pseudo-words: syllables from a fixed list, so the vocabulary is
// large and deterministic without shipping a dictionary.
std::string word(Rng& rng, int syllables) {
    static const char* const kSyllables[] = {"ka",  "to", "ri",   "mon",  "sel", "va",  "dor",
                                             "bi",  "lu", "zen",  "pra",  "tek", "nor", "fi",
                                             "gam", "ol", "ster", "quin", "ha",  "ve"};
    std::string out;
    for (int i = 0; i < syllables; ++i) out += kSyllables[rng.below(20)];
    return out;
}

void check(bool ok, const char* what) {
    if (!ok) throw std::runtime_error(std::string("dataset: ") + what);
}

void defineAttributes(Dataset& data, catalog::CategoryId root, std::uint32_t r) {
    AttributeDefinition colour;
    colour.code = "colour_" + std::to_string(r);
    colour.type = AttributeType::Enum;
    colour.allowed_values = data.enum_values;
    colour.filterable = colour.searchable = true;
    check(data.tree.defineAttribute(root, colour).ok(), "enum attribute");
    AttributeDefinition cordless;
    cordless.code = "cordless_" + std::to_string(r);
    cordless.type = AttributeType::Boolean;
    cordless.filterable = true;
    check(data.tree.defineAttribute(root, cordless).ok(), "boolean attribute");
    AttributeDefinition weight;
    weight.code = "weight_" + std::to_string(r);
    weight.type = AttributeType::Number;
    weight.unit = "kg";
    weight.filterable = true;
    check(data.tree.defineAttribute(root, weight).ok(), "number attribute");
}

}  // namespace

std::string skuOf(std::uint32_t i) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "SKU-%07u", i);
    return buffer;
}

std::string customerOf(std::uint32_t c) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "C%05u", c);
    return buffer;
}

std::string partNumberOf(std::uint32_t c, std::uint32_t k) {
    return "C" + std::to_string(c) + "-PN-" + std::to_string(k);
}

std::string ean13Of(std::uint32_t i) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "400%09u", i);
    int sum = 0;
    for (int d = 0; d < 12; ++d) sum += (buffer[d] - '0') * (d % 2 == 0 ? 1 : 3);
    return std::string(buffer) + static_cast<char>('0' + (10 - sum % 10) % 10);
}

Dataset makeDataset(DatasetShape shape, std::uint64_t seed) {
    Dataset data;
    data.shape = shape;
    Rng rng(seed);
    for (int i = 0; i < 300; ++i) data.nouns.push_back(word(rng, 2 + i % 2));
    for (int i = 0; i < 3000; ++i) data.words.push_back(word(rng, 3 + i % 2));
    for (int i = 0; i < 500; ++i) data.brands.push_back("Brand" + word(rng, 2));
    for (int i = 0; i < 12; ++i) data.enum_values.push_back("tone" + std::to_string(i));
    for (std::uint32_t r = 0; r < shape.roots; ++r) {
        const std::string root = "Division " + std::to_string(r);
        for (int g = 0; g < 10; ++g) {
            const std::string group = root + " > Group " + std::to_string(g);
            for (int l = 0; l < 50; ++l) {
                auto leaf = data.tree.addPath(group + " > Line " + std::to_string(l));
                check(leaf.ok(), "category path");
                data.leaves.push_back(*leaf);
            }
        }
        defineAttributes(data, *data.tree.find(root), r);
    }
    data.tree.reindex();
    for (std::uint32_t a = 0; a < shape.assortments; ++a) {
        catalog::Assortment assortment("A" + std::to_string(a));
        for (int i = 0; i < 100; ++i)
            assortment.addCategory(data.leaves[rng.below(static_cast<std::uint32_t>(data.leaves.size()))]);
        for (int i = 0; i < 200; ++i) assortment.addSku(skuOf(rng.below(shape.skus)));
        data.assortments.put(std::move(assortment));
    }
    for (std::uint32_t c = 0; c < shape.customers; ++c) {
        if (c % 10 != 0) {
            std::vector<std::string> names{"A" + std::to_string(rng.below(shape.assortments))};
            if (c % 3 == 0) names.push_back("A" + std::to_string(rng.below(shape.assortments)));
            check(data.assortments.assign(customerOf(c), names).ok(), "assortment assignment");
        }
        for (std::uint32_t k = 0; k < shape.part_numbers_per_customer; ++k) {
            check(data.part_numbers.add(customerOf(c), partNumberOf(c, k), skuOf(rng.below(shape.skus))).ok(),
                  "part number");
        }
    }
    return data;
}

void writeCatalogCsv(const Dataset& data, std::uint64_t seed, std::ostream& out) {
    Rng rng(seed ^ 0x5eedULL);
    out << "sku,name,category_path,base_uom,description,brand,gtin,mpn,pack_uom,pack_qty";
    for (std::uint32_t r = 0; r < data.shape.roots; ++r) {
        out << ",attr:colour_" << r << ",attr:cordless_" << r << ",attr:weight_" << r;
    }
    out << '\n';
    const auto leaf_count = static_cast<std::uint32_t>(data.leaves.size());
    for (std::uint32_t i = 0; i < data.shape.skus; ++i) {
        const std::uint32_t leaf = rng.below(leaf_count);
        const std::uint32_t root = leaf / (leaf_count / data.shape.roots);
        const std::string& brand = data.brands[rng.below(500)];
        out << skuOf(i) << ',' << data.nouns[rng.below(300)] << ' ' << data.nouns[rng.below(300)] << ' '
            << rng.below(1000) << ',' << data.tree.category(data.leaves[leaf]).path << ",EA,";
        for (int w = 0; w < 8; ++w) out << (w ? " " : "") << data.words[rng.below(3000)];
        out << ',' << brand << ',' << ean13Of(i) << ",MP" << brand.substr(5, 3) << '-'
            << (i * 7919U) % 10'000'000U << ",CS," << (1U + rng.below(4)) * 6U;
        for (std::uint32_t r = 0; r < data.shape.roots; ++r) {
            if (r == root) {
                out << ',' << data.enum_values[rng.below(12)] << ',' << (rng.below(2) ? "true" : "false")
                    << ',' << rng.below(50) << '.' << rng.below(10);
            } else {
                out << ",,,";
            }
        }
        out << '\n';
    }
}

}  // namespace crossdock::bench
