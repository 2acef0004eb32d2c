// Shipments (with packages and lines) and invoices (with lines and tax subtotals).
#include <string>
#include <utility>

#include "codec.h"
#include "sql_order_rows.h"

namespace crossdock::storage::sales_sql {
namespace {

void loadShipmentChildren(Poco::Data::Session& session, const Database& db, sales::Shipment& shipment) {
    for (const Row& row : query(
             session, db, "SELECT sscc, weight_kg FROM shipment_packages WHERE shipment_id = ? ORDER BY seq",
             Args().add(shipment.id), 2)) {
        shipment.packages.push_back(sales::Package{row[0], optionalDecimalOf(row[1])});
    }
    for (const Row& row :
         query(session, db,
               "SELECT order_line_no, sku, quantity, uom FROM shipment_lines WHERE shipment_id = ? "
               "ORDER BY seq",
               Args().add(shipment.id), 4)) {
        shipment.lines.push_back(sales::ShipmentLine{intOf(row[0]), row[1], decimalOf(row[2]), row[3]});
    }
}

void loadInvoiceChildren(Poco::Data::Session& session, const Database& db, sales::Invoice& invoice) {
    for (const Row& row :
         query(session, db,
               "SELECT order_line_no, sku, quantity, uom, unit_price, tax_rate_percent, extended "
               "FROM invoice_lines WHERE invoice_id = ? ORDER BY seq",
               Args().add(invoice.id), 7)) {
        invoice.lines.push_back(sales::InvoiceLine{intOf(row[0]), row[1], decimalOf(row[2]), row[3],
                                                   decimalOf(row[4]), decimalOf(row[5]), decimalOf(row[6])});
    }
    for (const Row& row : query(session, db,
                                "SELECT rate_percent, taxable_amount, tax_amount FROM invoice_taxes "
                                "WHERE invoice_id = ? ORDER BY seq",
                                Args().add(invoice.id), 3)) {
        invoice.taxes.push_back(sales::TaxSubtotal{decimalOf(row[0]), decimalOf(row[1]), decimalOf(row[2])});
    }
}

void insertTaxes(Poco::Data::Session& session, const Database& db, const sales::Invoice& v) {
    for (std::size_t i = 0; i < v.taxes.size(); ++i) {
        exec(session, db,
             "INSERT INTO invoice_taxes (invoice_id, seq, rate_percent, taxable_amount, tax_amount) "
             "VALUES (?, ?, ?, ?, ?)",
             Args()
                 .add(v.id)
                 .add(static_cast<std::int64_t>(i))
                 .add(v.taxes[i].rate_percent)
                 .add(v.taxes[i].taxable_amount)
                 .add(v.taxes[i].tax_amount));
    }
}

}  // namespace

bool insertShipment(Poco::Data::Session& session, const Database& db, const sales::Shipment& s) {
    exec(session, db,
         "INSERT INTO shipments (id, number, order_id, customer_id, carrier, tracking_number, ship_date, "
         "created_at) "
         "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
         Args()
             .add(s.id)
             .add(s.number)
             .add(s.order_id)
             .add(s.customer_id)
             .add(s.carrier)
             .add(s.tracking_number)
             .add(s.ship_date)
             .add(s.created_at));
    for (std::size_t i = 0; i < s.packages.size(); ++i) {
        std::size_t inserted = exec(session, db,
                                    "INSERT INTO shipment_packages (shipment_id, seq, sscc, weight_kg) "
                                    "VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
                                    Args()
                                        .add(s.id)
                                        .add(static_cast<std::int64_t>(i))
                                        .add(s.packages[i].sscc)
                                        .add(s.packages[i].weight_kg));
        if (inserted == 0) return false;
    }
    for (std::size_t i = 0; i < s.lines.size(); ++i) {
        const sales::ShipmentLine& line = s.lines[i];
        exec(session, db,
             "INSERT INTO shipment_lines (shipment_id, seq, order_line_no, sku, quantity, uom) "
             "VALUES (?, ?, ?, ?, ?, ?)",
             Args()
                 .add(s.id)
                 .add(static_cast<std::int64_t>(i))
                 .add(line.order_line_no)
                 .add(line.sku)
                 .add(line.quantity)
                 .add(line.uom));
    }
    return true;
}

std::vector<sales::Shipment> loadShipments(Poco::Data::Session& session, const Database& db,
                                           const std::string& where, const Args& args) {
    std::vector<sales::Shipment> shipments;
    for (const Row& row :
         query(session, db,
               "SELECT id, number, order_id, customer_id, carrier, tracking_number, ship_date, "
               "created_at FROM shipments WHERE " +
                   where + " ORDER BY id",
               args, 8)) {
        sales::Shipment s;
        s.id = parseInt64(row[0]);
        s.number = row[1];
        s.order_id = parseInt64(row[2]);
        s.customer_id = row[3];
        s.carrier = row[4];
        s.tracking_number = row[5];
        s.ship_date = dateOf(row[6]);
        s.created_at = timeOf(row[7]);
        loadShipmentChildren(session, db, s);
        shipments.push_back(std::move(s));
    }
    return shipments;
}

void insertInvoice(Poco::Data::Session& session, const Database& db, const sales::Invoice& v) {
    exec(session, db,
         "INSERT INTO invoices (id, number, order_id, order_number, customer_id, po_number, currency, "
         "issue_date, "
         "line_total, tax_total, total, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
         Args()
             .add(v.id)
             .add(v.number)
             .add(v.order_id)
             .add(v.order_number)
             .add(v.customer_id)
             .add(v.po_number)
             .add(v.currency)
             .add(v.issue_date)
             .add(v.line_total)
             .add(v.tax_total)
             .add(v.total)
             .add(v.created_at));
    for (std::size_t i = 0; i < v.lines.size(); ++i) {
        const sales::InvoiceLine& line = v.lines[i];
        exec(session, db,
             "INSERT INTO invoice_lines (invoice_id, seq, order_line_no, sku, quantity, uom, unit_price, "
             "tax_rate_percent, extended) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
             Args()
                 .add(v.id)
                 .add(static_cast<std::int64_t>(i))
                 .add(line.order_line_no)
                 .add(line.sku)
                 .add(line.quantity)
                 .add(line.uom)
                 .add(line.unit_price)
                 .add(line.tax_rate_percent)
                 .add(line.extended));
    }
    insertTaxes(session, db, v);
}

std::vector<sales::Invoice> loadInvoices(Poco::Data::Session& session, const Database& db,
                                         const std::string& where, const Args& args) {
    std::vector<sales::Invoice> invoices;
    for (const Row& row :
         query(session, db,
               "SELECT id, number, order_id, order_number, customer_id, po_number, currency, "
               "issue_date, line_total, tax_total, total, created_at FROM invoices WHERE " +
                   where + " ORDER BY id",
               args, 12)) {
        sales::Invoice v;
        v.id = parseInt64(row[0]);
        v.number = row[1];
        v.order_id = parseInt64(row[2]);
        v.order_number = row[3];
        v.customer_id = row[4];
        v.po_number = row[5];
        v.currency = row[6];
        v.issue_date = dateOf(row[7]);
        v.line_total = decimalOf(row[8]);
        v.tax_total = decimalOf(row[9]);
        v.total = decimalOf(row[10]);
        v.created_at = timeOf(row[11]);
        loadInvoiceChildren(session, db, v);
        invoices.push_back(std::move(v));
    }
    return invoices;
}

}  // namespace crossdock::storage::sales_sql
