#include "crossdock/storage/edi_repositories.h"

#include "sql_message_repository.h"
#include "sql_partner_repository.h"

namespace crossdock::storage {

EdiRepositories makeEdiRepositories(Store& store) {
    const Database& db = store.database();
    EdiRepositories repositories;
    repositories.partners = std::make_unique<SqlPartnerRepository>(db);
    repositories.messages = std::make_unique<SqlMessageRepository>(db);
    repositories.control_numbers = std::make_unique<SqlControlNumberRepository>(db);
    return repositories;
}

}  // namespace crossdock::storage
