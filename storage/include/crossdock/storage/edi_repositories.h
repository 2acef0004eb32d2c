#pragma once

#include <memory>

#include "crossdock/edi/repositories.h"
#include "crossdock/storage/store.h"

namespace crossdock::storage {

/// The EDI repositories over one Store (tables of migration 5, "edi"). Thread-safe; each call
/// takes a pooled session. `store` must outlive them.
struct EdiRepositories {
    std::unique_ptr<edi::PartnerRepository> partners;
    std::unique_ptr<edi::MessageRepository> messages;
    std::unique_ptr<edi::ControlNumberRepository> control_numbers;
};

/// Builds the EDI repositories over `store` (migrated).
EdiRepositories makeEdiRepositories(Store& store);

}  // namespace crossdock::storage
