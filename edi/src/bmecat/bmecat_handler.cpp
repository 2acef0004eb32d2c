#include "bmecat_handler.h"

#include <xercesc/sax/Locator.hpp>
#include <xercesc/sax/SAXParseException.hpp>
#include <xercesc/sax2/Attributes.hpp>

#include <string_view>

#include "xerces_support.h"

namespace crossdock::edi::bmecat::detail {

namespace {

const std::string kNone;

std::string attribute(const xercesc::Attributes& attributes, const char* name) {
    XMLCh* wide = xercesc::XMLString::transcode(name);
    std::string value = toUtf8(attributes.getValue(wide));
    xercesc::XMLString::release(&wide);
    return value;
}

std::string trim(const std::string& text) {
    const char* spaces = " \t\r\n";
    auto first = text.find_first_not_of(spaces);
    if (first == std::string::npos) return {};
    return text.substr(first, text.find_last_not_of(spaces) - first + 1);
}

bool isProduct(const std::string& name) { return name == "ARTICLE" || name == "PRODUCT"; }

bool isTransaction(const std::string& name) {
    return name == "T_NEW_CATALOG" || name == "T_UPDATE_PRODUCTS" || name == "T_UPDATE_PRICES";
}

bool oneOf(const std::string& name, std::string_view a, std::string_view b) { return name == a || name == b; }

/// Sets `target` unless it already holds a value (the first of repeated, e.g.
/// multilingual, elements wins).
void setFirst(Value& target, Value value) {
    if (!target.present()) target = std::move(value);
}

}  // namespace

BmecatHandler::BmecatHandler(std::string source, ParsedDocument& document, DocumentInfo& info,
                             ErrorFn on_error, std::function<void(std::size_t)> on_product)
    : source_(std::move(source)),
      document_(document),
      info_(info),
      on_error_(std::move(on_error)),
      on_product_(std::move(on_product)) {}

std::string BmecatHandler::where(std::size_t at) const { return source_ + ":" + std::to_string(at); }

std::size_t BmecatHandler::line() const {
    return locator_ != nullptr ? static_cast<std::size_t>(locator_->getLineNumber()) : 0;
}

const std::string& BmecatHandler::parent() const {
    return open_.size() >= 2 ? open_[open_.size() - 2].name : kNone;
}

const std::string& BmecatHandler::grandparent() const {
    return open_.size() >= 3 ? open_[open_.size() - 3].name : kNone;
}

void BmecatHandler::startElement(const XMLCh* uri, const XMLCh* localname, const XMLCh* /*qname*/,
                                 const xercesc::Attributes& attributes) {
    if (stopped_) return;
    std::string name = toUtf8(localname);
    open_.push_back({name, line()});
    text_.clear();
    if (open_.size() == 1) return startRoot(uri, attributes);
    const std::string& up = parent();
    if (up == "BMECAT") {
        if (name == "HEADER") document_.has_header = true;
        if (isTransaction(name)) {
            info_.transaction = name;
        } else if (name.starts_with("T_")) {
            on_error_("unsupported transaction " + name +
                          " (expected T_NEW_CATALOG, T_UPDATE_PRODUCTS or "
                          "T_UPDATE_PRICES)",
                      where(line()));
        }
        return;
    }
    if (product_ != nullptr) return startInProduct(name, attributes);
    startInTransaction(name, attributes);
}

void BmecatHandler::startRoot(const XMLCh* uri, const xercesc::Attributes& attributes) {
    root_line_ = open_.front().line;
    info_.namespace_uri = toUtf8(uri);
    info_.version = attribute(attributes, "version");
    if (open_.front().name != "BMECAT") {
        on_error_("root element is " + open_.front().name + ", expected BMECAT", where(root_line_));
        stopped_ = true;
    }
}

void BmecatHandler::startInTransaction(const std::string& name, const xercesc::Attributes& attributes) {
    const std::string& up = parent();
    if (isProduct(name) && isTransaction(up)) {
        auto& product = document_.products.emplace_back();
        product.line = line();
        product.element = *document_.names.insert(name).first;
        product.mode = attribute(attributes, "mode");
        product_ = &product;
    } else if (name == "CATALOG_STRUCTURE") {
        auto& group = document_.catalog_groups.groups.emplace_back();
        group.type = attribute(attributes, "type");
        group.line = line();
    } else if (name == "CLASSIFICATION_SYSTEM") {
        classification_ = nullptr;
    } else if (name == "CLASSIFICATION_GROUP" && classification_ != nullptr) {
        classification_->groups.emplace_back().line = line();
    } else if (oneOf(name, "ARTICLE_TO_CATALOGGROUP_MAP", "PRODUCT_TO_CATALOGGROUP_MAP")) {
        document_.group_maps.emplace_back();
    }
}

void BmecatHandler::startInProduct(const std::string& name, const xercesc::Attributes& attributes) {
    const std::string& up = parent();
    if (oneOf(name, "ARTICLE_FEATURES", "PRODUCT_FEATURES")) {
        product_->group_references.emplace_back();
    } else if (name == "FEATURE" && oneOf(up, "ARTICLE_FEATURES", "PRODUCT_FEATURES")) {
        product_->features.emplace_back().line = line();
    } else if (oneOf(name, "ARTICLE_PRICE_DETAILS", "PRODUCT_PRICE_DETAILS")) {
        product_->price_details.emplace_back();
    } else if (name == "DATETIME" && oneOf(up, "ARTICLE_PRICE_DETAILS", "PRODUCT_PRICE_DETAILS")) {
        datetime_type_ = attribute(attributes, "type");
    } else if (oneOf(name, "ARTICLE_PRICE", "PRODUCT_PRICE") && !product_->price_details.empty()) {
        auto& price = product_->price_details.back().prices.emplace_back();
        price.price_type = attribute(attributes, "price_type");
        price.line = line();
    } else if (name == "INTERNATIONAL_PID") {
        pid_type_ = attribute(attributes, "type");
    }
}

void BmecatHandler::characters(const XMLCh* chars, XMLSize_t length) {
    if (!stopped_) text_ += toUtf8(chars, length);
}

void BmecatHandler::endElement(const XMLCh* /*uri*/, const XMLCh* /*localname*/, const XMLCh* /*qname*/) {
    if (stopped_ || open_.empty()) return;
    const Open& current = open_.back();
    Value value{trim(text_), *document_.names.insert(current.name).first, current.line};
    text_.clear();
    if (product_ != nullptr) {
        if (isProduct(current.name) && isTransaction(parent())) {
            product_ = nullptr;
            if (on_product_) on_product_(document_.products.size());
        } else {
            endInProduct(current.name, std::move(value));
        }
    } else if (parent() == "CATALOG" && grandparent() == "HEADER") {
        endInHeader(current.name, value.text);
    } else {
        endInGroups(current.name, value.text);
        if (oneOf(parent(), "ARTICLE_TO_CATALOGGROUP_MAP", "PRODUCT_TO_CATALOGGROUP_MAP") &&
            !document_.group_maps.empty()) {
            auto& map = document_.group_maps.back();
            if (oneOf(current.name, "ART_ID", "PROD_ID")) map.sku = value;
            if (current.name == "CATALOG_GROUP_ID") map.group_id = value;
        }
    }
    open_.pop_back();
}

void BmecatHandler::endInHeader(const std::string& name, const std::string& text) {
    if (name == "LANGUAGE" && info_.language.empty()) info_.language = text;
    if (name == "CATALOG_ID") info_.catalog_id = text;
    if (name == "CATALOG_VERSION") info_.catalog_version = text;
    if (name == "CURRENCY") info_.currency = text;
}

void BmecatHandler::endInGroups(const std::string& name, const std::string& text) {
    const std::string& up = parent();
    if (up == "CATALOG_STRUCTURE" && !document_.catalog_groups.groups.empty()) {
        auto& group = document_.catalog_groups.groups.back();
        if (name == "GROUP_ID") group.id = text;
        if (name == "GROUP_NAME" && group.name.empty()) group.name = text;
        if (name == "PARENT_ID") group.parent_id = text;
    } else if (up == "CLASSIFICATION_SYSTEM" && name == "CLASSIFICATION_SYSTEM_NAME") {
        classification_ = &document_.classifications[text];
    } else if (up == "CLASSIFICATION_GROUP" && classification_ != nullptr &&
               !classification_->groups.empty()) {
        auto& group = classification_->groups.back();
        if (name == "CLASSIFICATION_GROUP_ID") group.id = text;
        if (name == "CLASSIFICATION_GROUP_NAME" && group.name.empty()) group.name = text;
        if (name == "CLASSIFICATION_GROUP_PARENT_ID") group.parent_id = text;
    }
}

void BmecatHandler::endInProduct(const std::string& name, Value value) {
    const std::string& up = parent();
    ProductRecord& p = *product_;
    if (isProduct(up) && oneOf(name, "SUPPLIER_AID", "SUPPLIER_PID")) {
        p.sku = std::move(value);
    } else if (oneOf(up, "ARTICLE_DETAILS", "PRODUCT_DETAILS")) {
        endInDetails(name, std::move(value));
    } else if (oneOf(up, "ARTICLE_FEATURES", "PRODUCT_FEATURES") && !p.group_references.empty()) {
        auto& reference = p.group_references.back();
        if (name == "REFERENCE_FEATURE_SYSTEM_NAME") {
            reference.system = value.text;
        } else if (name == "REFERENCE_FEATURE_GROUP_ID") {
            reference.group_id = std::move(value);
        } else if (name == "REFERENCE_FEATURE_GROUP_NAME") {
            reference.group_name = std::move(value);
        }
    } else if (up == "FEATURE" && oneOf(grandparent(), "ARTICLE_FEATURES", "PRODUCT_FEATURES")) {
        auto& feature = p.features.back();
        if (name == "FNAME") feature.name = value.text;
        if (name == "FVALUE") feature.values.push_back(value.text);
        if (name == "FUNIT") feature.unit = value.text;
    } else if (oneOf(up, "ARTICLE_ORDER_DETAILS", "PRODUCT_ORDER_DETAILS")) {
        if (Value* field = orderField(name)) *field = std::move(value);
    } else {
        endInPrice(name, std::move(value));
    }
}

void BmecatHandler::endInDetails(const std::string& name, Value value) {
    ProductRecord& p = *product_;
    const bool gtin_type =
        pid_type_.empty() || pid_type_ == "gtin" || pid_type_ == "ean" || pid_type_ == "upc";
    if (name == "DESCRIPTION_SHORT") {
        setFirst(p.name, std::move(value));
    } else if (name == "DESCRIPTION_LONG") {
        setFirst(p.description, std::move(value));
    } else if (name == "MANUFACTURER_NAME") {
        p.brand = std::move(value);
    } else if (oneOf(name, "MANUFACTURER_AID", "MANUFACTURER_PID")) {
        p.mpn = std::move(value);
    } else if (name == "EAN" || (name == "INTERNATIONAL_PID" && gtin_type)) {
        setFirst(p.gtin, std::move(value));
    }
}

Value* BmecatHandler::orderField(const std::string& name) {
    ProductRecord& p = *product_;
    if (name == "ORDER_UNIT") return &p.order_unit;
    if (name == "CONTENT_UNIT") return &p.content_unit;
    if (name == "NO_CU_PER_OU") return &p.units_per_order_unit;
    if (name == "PRICE_QUANTITY") return &p.price_quantity;
    if (name == "QUANTITY_MIN") return &p.quantity_min;
    if (name == "QUANTITY_INTERVAL") return &p.quantity_interval;
    return nullptr;
}

void BmecatHandler::endInPrice(const std::string& name, Value value) {
    const std::string& up = parent();
    if (product_->price_details.empty()) return;
    PriceDetails& details = product_->price_details.back();
    const bool in_details = oneOf(up, "ARTICLE_PRICE_DETAILS", "PRODUCT_PRICE_DETAILS");
    if (up == "DATETIME" && name == "DATE" &&
        oneOf(grandparent(), "ARTICLE_PRICE_DETAILS", "PRODUCT_PRICE_DETAILS")) {
        if (datetime_type_ == "valid_start_date") {
            details.valid_from = std::move(value);
        } else if (datetime_type_ == "valid_end_date") {
            details.valid_to = std::move(value);
        }
    } else if (in_details && name == "VALID_START_DATE") {  // BMEcat 2005.1 and later
        details.valid_from = std::move(value);
    } else if (in_details && name == "VALID_END_DATE") {
        details.valid_to = std::move(value);
    } else if (oneOf(up, "ARTICLE_PRICE", "PRODUCT_PRICE") && !details.prices.empty()) {
        Price& price = details.prices.back();
        if (name == "TERRITORY") {
            price.territories.push_back(value.text);
        } else if (Value* field = priceField(price, name)) {
            *field = std::move(value);
        }
    }
}

Value* BmecatHandler::priceField(Price& price, const std::string& name) {
    if (name == "PRICE_AMOUNT") return &price.amount;
    if (name == "PRICE_CURRENCY") return &price.currency;
    if (name == "TAX") return &price.tax;
    if (name == "PRICE_FACTOR") return &price.factor;
    if (name == "LOWER_BOUND") return &price.lower_bound;
    return nullptr;
}

void BmecatHandler::warning(const xercesc::SAXParseException& /*e*/) {}

void BmecatHandler::error(const xercesc::SAXParseException& e) {
    on_error_("schema: " + toUtf8(e.getMessage()),
              source_ + ":" + std::to_string(e.getLineNumber()) + ":" + std::to_string(e.getColumnNumber()));
}

void BmecatHandler::fatalError(const xercesc::SAXParseException& e) {
    on_error_("malformed XML: " + toUtf8(e.getMessage()),
              source_ + ":" + std::to_string(e.getLineNumber()) + ":" + std::to_string(e.getColumnNumber()));
    stopped_ = true;
}

}  // namespace crossdock::edi::bmecat::detail
