#include "sql_partner_repository.h"

#include <Poco/Data/Statement.h>
#include <Poco/Nullable.h>

#include "codec.h"

namespace crossdock::storage {
namespace {

using Poco::Data::Statement;
using Poco::Data::Keywords::into;
using Poco::Data::Keywords::now;
using Poco::Data::Keywords::useRef;
namespace keywords = Poco::Data::Keywords;

// The stored profile was written by partnerToJson(): a parse failure is a damaged row.
edi::Partner fromProfile(const std::string& id, const std::string& profile) {
    auto json = core::parseJson(profile);
    if (!json) throw StorageError("edi_partners: profile of " + id + " is not JSON: " + json.error().message);
    auto partner = edi::partnerFromJson(*json);
    if (!partner) throw StorageError("edi_partners: profile of " + id + ": " + partner.error().describe());
    return std::move(*partner);
}

Poco::Nullable<std::string> qualifierOf(const edi::Partner& partner) {
    if (!partner.x12) return {};
    return partner.x12->isa_qualifier;
}

Poco::Nullable<std::string> isaIdOf(const edi::Partner& partner) {
    if (!partner.x12) return {};
    return partner.x12->isa_id;
}

}  // namespace

core::Status SqlPartnerRepository::checkSenderFree(const edi::Partner& partner) const {
    if (!partner.x12) return {};
    auto holder = findByX12Sender(partner.x12->isa_qualifier, partner.x12->isa_id);
    if (holder && holder->id != partner.id) {
        return core::makeError(core::ErrorCode::Conflict,
                               "partner " + holder->id + " already uses X12 sender " +
                                   partner.x12->isa_qualifier + ":" + partner.x12->isa_id,
                               "$.x12.isa_id");
    }
    return {};
}

core::Status SqlPartnerRepository::create(const edi::Partner& partner) {
    if (auto free = checkSenderFree(partner); !free) return free;
    return guarded(db_, "edi_partners.create", [&]() -> core::Status {
        Poco::Data::Session session = db_.session();
        const std::string profile = edi::partnerToJson(partner);
        auto qualifier = qualifierOf(partner);
        auto isa_id = isaIdOf(partner);
        const std::int64_t at = nowMicros();
        Statement insert(session);
        insert << db_.sql(
            "INSERT INTO edi_partners (id, name, customer_id, x12_qualifier, x12_isa_id, profile, "
            "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING"),
            useRef(partner.id), useRef(partner.name), useRef(partner.customer_id), useRef(qualifier),
            useRef(isa_id), useRef(profile), keywords::bind(at), keywords::bind(at);
        if (insert.execute() == 0) {
            return core::makeError(core::ErrorCode::Conflict, "partner " + partner.id + " already exists",
                                   "$.id");
        }
        return {};
    });
}

core::Status SqlPartnerRepository::update(const edi::Partner& partner) {
    if (auto free = checkSenderFree(partner); !free) return free;
    return guarded(db_, "edi_partners.update", [&]() -> core::Status {
        Poco::Data::Session session = db_.session();
        const std::string profile = edi::partnerToJson(partner);
        auto qualifier = qualifierOf(partner);
        auto isa_id = isaIdOf(partner);
        Statement update(session);
        update << db_.sql(
            "UPDATE edi_partners SET name = ?, customer_id = ?, x12_qualifier = ?, x12_isa_id = ?, "
            "profile = ?, updated_at = ? WHERE id = ?"),
            useRef(partner.name), useRef(partner.customer_id), useRef(qualifier), useRef(isa_id),
            useRef(profile), keywords::bind(nowMicros()), useRef(partner.id);
        if (update.execute() == 0) {
            return core::makeError(core::ErrorCode::NotFound, "no partner " + partner.id);
        }
        return {};
    });
}

std::optional<edi::Partner> SqlPartnerRepository::find(const std::string& id) const {
    return guarded(db_, "edi_partners.find", [&]() -> std::optional<edi::Partner> {
        Poco::Data::Session session = db_.session();
        std::vector<std::string> profiles;
        session << db_.sql("SELECT profile FROM edi_partners WHERE id = ?"), useRef(id), into(profiles), now;
        if (profiles.empty()) return std::nullopt;
        return fromProfile(id, profiles.front());
    });
}

std::optional<edi::Partner> SqlPartnerRepository::findByX12Sender(const std::string& qualifier,
                                                                  const std::string& isa_id) const {
    return guarded(db_, "edi_partners.findByX12Sender", [&]() -> std::optional<edi::Partner> {
        Poco::Data::Session session = db_.session();
        std::vector<std::string> ids;
        std::vector<std::string> profiles;
        session << db_.sql("SELECT id, profile FROM edi_partners WHERE x12_qualifier = ? AND x12_isa_id = ?"),
            useRef(qualifier), useRef(isa_id), into(ids), into(profiles), now;
        if (ids.empty()) return std::nullopt;
        return fromProfile(ids.front(), profiles.front());
    });
}

std::vector<edi::Partner> SqlPartnerRepository::list(const std::string& after_id, std::size_t limit) const {
    return guarded(db_, "edi_partners.list", [&] {
        std::vector<edi::Partner> partners;
        if (limit == 0) return partners;
        auto max_rows = static_cast<std::int64_t>(std::min<std::size_t>(limit, 100000));
        Poco::Data::Session session = db_.session();
        std::vector<std::string> ids;
        std::vector<std::string> profiles;
        session << db_.sql("SELECT id, profile FROM edi_partners WHERE id > ? ORDER BY id LIMIT ?"),
            useRef(after_id), keywords::bind(max_rows), into(ids), into(profiles), now;
        for (std::size_t i = 0; i < ids.size(); ++i) partners.push_back(fromProfile(ids[i], profiles[i]));
        return partners;
    });
}

}  // namespace crossdock::storage
