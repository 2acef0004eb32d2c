#include "crossdock/server/edi_ingest.h"

#include <filesystem>

#include <Poco/AutoPtr.h>
#include <Poco/Exception.h>
#include <Poco/Util/PropertyFileConfiguration.h>

#include "state/edi_config.h"
#include "state/edi_services.h"

namespace crossdock::server {

core::Result<edi::ProcessResult> ingestDocument(Runtime& runtime, const std::string& partner_id,
                                                std::string bytes) {
    static const std::string worker = "ingest:" + inboundWorkerName();
    return runtime.edi().pipeline->ingest(partner_id, std::move(bytes), worker);
}

core::Result<EdiOptions> loadEdiOptionsFile(const std::string& path) {
    EdiOptions options;
    std::string file = path;
    if (file.empty()) {
        std::error_code error;
        if (!std::filesystem::exists("crossdock.properties", error)) return options;
        file = "crossdock.properties";
    }
    try {
        Poco::AutoPtr<Poco::Util::PropertyFileConfiguration> config =
            new Poco::Util::PropertyFileConfiguration(file);
        if (auto error = readEdiOptions(*config, options); !error.empty()) {
            return core::makeError(core::ErrorCode::InvalidArgument, file + ": " + error);
        }
    } catch (const Poco::Exception& e) {
        return core::makeError(core::ErrorCode::InvalidArgument,
                               "cannot read configuration file " + file + ": " + e.displayText());
    }
    return options;
}

}  // namespace crossdock::server
