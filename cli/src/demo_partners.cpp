// The demo trading partners of samples/partners.json, with known API keys (README).
#include <fstream>
#include <sstream>

#include "crossdock/accounts/password.h"
#include "crossdock/server/runtime.h"
#include "crossdock/storage/edi_repositories.h"
#include "demo_data.h"

namespace crossdock::cli {
namespace {

// "ACME-X12" → "cdk_demo-acme-x12": a key anyone reading the README can use, for the demo
// only. API keys start with cdk_ (AuthService tells them from sign-in tokens by it).
std::string demoKeyOf(const std::string& partner_id) {
    std::string key = "cdk_demo-";
    for (char c : partner_id) key += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    return key;
}

}  // namespace

std::string demoPartnerKey(const std::string& partner_id) { return demoKeyOf(partner_id); }

core::Result<int> loadDemoPartners(server::Runtime& runtime, const std::string& samples_dir) {
    const std::string path = samples_dir + "/partners.json";
    std::ifstream in(path, std::ios::binary);
    if (!in) return core::makeError(core::ErrorCode::NotFound, path + ": cannot open file");
    std::ostringstream text;
    text << in.rdbuf();
    auto json = core::parseJson(text.str());
    if (!json)
        return core::makeError(core::ErrorCode::InvalidArgument, path + ": " + json.error().describe());
    if (!json->isArray())
        return core::makeError(core::ErrorCode::InvalidArgument, path + ": expected an array");
    auto repos = storage::makeEdiRepositories(runtime.store());
    int loaded = 0;
    for (std::size_t i = 0; i < json->size(); ++i) {
        auto partner = edi::partnerFromJson(json->items()[i]);
        if (!partner) {
            return core::makeError(
                core::ErrorCode::InvalidArgument,
                path + ": partner " + std::to_string(i + 1) + ": " + partner.error().describe());
        }
        auto stored = repos.partners->find(partner->id) ? repos.partners->update(*partner)
                                                        : repos.partners->create(*partner);
        if (!stored) return core::makeError(stored.error().code, path + ": " + stored.error().describe());
        const std::string key = demoKeyOf(partner->id);
        runtime.store().credentials().saveApiKey(
            accounts::ApiKeyRecord{accounts::sha256Hex(key), partner->id, partner->customer_id, true});
        ++loaded;
    }
    return loaded;
}

}  // namespace crossdock::cli
