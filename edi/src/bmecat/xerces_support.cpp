#include "xerces_support.h"

#include <xercesc/framework/LocalFileInputSource.hpp>
#include <xercesc/framework/MemBufInputSource.hpp>
#include <xercesc/util/BinInputStream.hpp>
#include <xercesc/util/PlatformUtils.hpp>
#include <xercesc/util/TransService.hpp>
#include <xercesc/util/XMLException.hpp>
#include <xercesc/util/XMLString.hpp>

#include <algorithm>
#include <cstring>
#include <mutex>
#include <stdexcept>

namespace crossdock::edi::bmecat::detail {

namespace {

using xercesc::XMLString;

class IstreamBinInputStream : public xercesc::BinInputStream {
public:
    IstreamBinInputStream(std::istream& in, const std::string& prefix) : in_(in), prefix_(prefix) {}

    XMLFilePos curPos() const override { return position_; }

    XMLSize_t readBytes(XMLByte* const to_fill, const XMLSize_t max_to_read) override {
        XMLSize_t count = 0;
        if (prefix_used_ < prefix_.size()) {
            count = std::min<XMLSize_t>(max_to_read, prefix_.size() - prefix_used_);
            std::memcpy(to_fill, prefix_.data() + prefix_used_, count);
            prefix_used_ += count;
        } else if (in_) {
            in_.read(reinterpret_cast<char*>(to_fill), static_cast<std::streamsize>(max_to_read));
            count = static_cast<XMLSize_t>(in_.gcount());
        }
        position_ += count;
        return count;
    }

    const XMLCh* getContentType() const override { return nullptr; }

private:
    std::istream& in_;
    const std::string& prefix_;
    std::size_t prefix_used_ = 0;
    XMLFilePos position_ = 0;
};

std::string fileName(const std::string& path) {
    auto slash = path.find_last_of('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

}  // namespace

void ensureXercesInitialized() {
    static std::once_flag once;
    std::call_once(once, [] {
        try {
            xercesc::XMLPlatformUtils::Initialize();
        } catch (const xercesc::XMLException& e) {
            throw std::runtime_error("cannot initialize Xerces-C: " + toUtf8(e.getMessage()));
        }
    });
}

std::string toUtf8(const XMLCh* text) {
    if (text == nullptr) return {};
    return toUtf8(text, XMLString::stringLen(text));
}

std::string toUtf8(const XMLCh* text, XMLSize_t length) {
    if (text == nullptr || length == 0) return {};
    xercesc::TranscodeToStr utf8(text, length, "UTF-8");
    return std::string(reinterpret_cast<const char*>(utf8.str()), utf8.length());
}

IstreamInputSource::IstreamInputSource(std::istream& in, std::string prefix)
    : in_(in), prefix_(std::move(prefix)) {}

xercesc::BinInputStream* IstreamInputSource::makeStream() const {
    return new IstreamBinInputStream(in_, prefix_);
}

xercesc::InputSource* SchemaOnlyResolver::resolveEntity(const XMLCh* /*public_id*/, const XMLCh* system_id) {
    const std::string name = fileName(toUtf8(system_id));
    for (const auto& path : schema_paths_) {
        if (!name.empty() && fileName(path) == name) {
            XMLCh* wide = XMLString::transcode(path.c_str());
            auto* source = new xercesc::LocalFileInputSource(wide);
            XMLString::release(&wide);
            return source;
        }
    }
    static constexpr XMLByte kEmpty[] = {0};
    return new xercesc::MemBufInputSource(kEmpty, 0, "blocked-external-entity");
}

}  // namespace crossdock::edi::bmecat::detail
