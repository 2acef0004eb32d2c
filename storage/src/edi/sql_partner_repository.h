#pragma once

#include "crossdock/edi/repositories.h"
#include "database.h"

namespace crossdock::storage {

/// PartnerRepository over `edi_partners`: the profile as JSON, the X12 sender ids beside it.
class SqlPartnerRepository final : public edi::PartnerRepository {
public:
    explicit SqlPartnerRepository(const Database& db) : db_(db) {}

    core::Status create(const edi::Partner& partner) override;
    core::Status update(const edi::Partner& partner) override;
    std::optional<edi::Partner> find(const std::string& id) const override;
    std::optional<edi::Partner> findByX12Sender(const std::string& qualifier,
                                                const std::string& isa_id) const override;
    std::vector<edi::Partner> list(const std::string& after_id, std::size_t limit) const override;

private:
    core::Status checkSenderFree(const edi::Partner& partner) const;

    const Database& db_;
};

}  // namespace crossdock::storage
