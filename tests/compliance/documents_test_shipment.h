// A valid two-line CIF shipment from Shenzhen to Hamburg, shared by the documents tests.
#pragma once

#include "compliance/documents.h"

namespace kontor::compliance::testing {

inline Money usd(const char* amount) {
  return Money(*Decimal::parse(amount), *Currency::make("USD", 2));
}

inline Shipment cif_hamburg_shipment() {
  Shipment s;
  s.invoice_number = "KI-2026-0042";
  s.invoice_date = *Date::parse("2026-01-12");
  s.seller = {"Shenzhen Soundwave Electronics Co., Ltd.",
              {"88 Keji Road, Nanshan District", "Shenzhen 518057"},
              *CountryCode::parse("CN"),
              "91440300MA5EXAMPLE",
              "sales@soundwave.example"};
  s.buyer = {"Nordlicht Handel GmbH",
             {"Speicherstadt 12", "20457 Hamburg"},
             *CountryCode::parse("DE"),
             "DE123456789",
             "einkauf@nordlicht.example"};
  s.incoterm = Incoterm::kCIF;
  s.incoterm_place = "Hamburg";
  s.currency = *Currency::make("USD", 2);
  s.transport_mode = "sea";
  s.port_of_loading = "Yantian";
  s.port_of_discharge = "Hamburg";
  s.payment_terms = "30% deposit, 70% against B/L copy";
  ShipmentLine speaker;
  speaker.description = "Portable Bluetooth speaker";
  speaker.sku = "SW-BT20";
  speaker.hs_code = "8518.22.0000";
  speaker.origin = *CountryCode::parse("CN");
  speaker.quantity = Quantity(2000, Unit::kPiece);
  speaker.unit_price = usd("12.35");
  speaker.net_weight_kg = *Decimal::parse("1100");
  speaker.gross_weight_kg = *Decimal::parse("1240.5");
  speaker.packages = 100;
  speaker.package_type = "cartons";
  speaker.marks = "NH 1-100";
  ShipmentLine bottle;
  bottle.description = "Stainless steel bottle";
  bottle.hs_code = "7323.93";
  bottle.origin = *CountryCode::parse("CN");
  bottle.quantity = Quantity(1500, Unit::kPiece);
  bottle.unit_price = usd("3.333");
  bottle.net_weight_kg = *Decimal::parse("600");
  bottle.gross_weight_kg = *Decimal::parse("690");
  bottle.packages = 50;
  bottle.package_type = "cartons";
  bottle.marks = "NH 101-150";
  s.lines = {speaker, bottle};
  s.freight = usd("1850.00");
  s.insurance = usd("95.40");
  return s;
}

}  // namespace kontor::compliance::testing
