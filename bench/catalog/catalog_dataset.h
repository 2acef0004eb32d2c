#pragma once

// Deterministic catalog generator for catalog_bench: the same seed and size give
// the same tree, CSV, assortments and part numbers on every machine.

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include "crossdock/catalog/assortment.h"
#include "crossdock/catalog/category_tree.h"
#include "crossdock/catalog/customer_part_numbers.h"

namespace crossdock::bench {

/// splitmix64: small, fast, identical everywhere.
class Rng {
public:
    explicit Rng(std::uint64_t seed) : state_(seed) {}
    std::uint64_t next();
    /// Uniform in [0, bound).
    std::uint32_t below(std::uint32_t bound) { return static_cast<std::uint32_t>(next() % bound); }

private:
    std::uint64_t state_;
};

/// Sizes of the generated catalog.
struct DatasetShape {
    std::uint32_t skus = 1'000'000;
    std::uint32_t roots = 10;  ///< each root: 10 groups of 50 leaves (5,110 categories in all)
    std::uint32_t assortments = 200;
    std::uint32_t customers = 10'000;
    std::uint32_t part_numbers_per_customer = 10;
};

/// The generated catalog minus the items, which travel as CSV.
struct Dataset {
    DatasetShape shape;
    catalog::CategoryTree tree;
    std::vector<catalog::CategoryId> leaves;
    catalog::AssortmentDirectory assortments;
    catalog::CustomerPartNumbers part_numbers;
    std::vector<std::string> nouns;  ///< words of item names
    std::vector<std::string> words;  ///< words of descriptions
    std::vector<std::string> brands;
    std::vector<std::string> enum_values;  ///< values of every enum attribute
};

/// Builds the tree (30 attributes: per root one enum, one boolean, one number),
/// 200 assortments of 100 leaves and 200 SKUs, customers 1..N each restricted to
/// one or two assortments (every 10th customer unrestricted), part numbers.
Dataset makeDataset(DatasetShape shape, std::uint64_t seed);

/// SKU of item `i`: "SKU-0001234".
std::string skuOf(std::uint32_t i);
/// Customer id `c`: "C00042".
std::string customerOf(std::uint32_t c);
/// Part number of customer c for its k-th item: "C42-PN-7".
std::string partNumberOf(std::uint32_t c, std::uint32_t k);

/// Writes the catalog CSV (header plus shape.skus rows) for the dataset.
void writeCatalogCsv(const Dataset& dataset, std::uint64_t seed, std::ostream& out);

/// The EAN-13 (with check digit) of item `i`.
std::string ean13Of(std::uint32_t i);

}  // namespace crossdock::bench
