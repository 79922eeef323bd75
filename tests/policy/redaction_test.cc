#include "policy/redaction.h"

#include <gtest/gtest.h>

namespace kontor::policy {
namespace {

TEST(RedactionTest, MasksEmailAddresses) {
  EXPECT_EQ(redact("reply to li.wei+sales@ningbo-drinkware.com.cn by Friday"),
            "reply to [email] by Friday");
  EXPECT_EQ(redact("<anna.mueller@example.de>"), "<[email]>");
}

TEST(RedactionTest, MasksInternationalPhoneNumbers) {
  EXPECT_EQ(redact("call +49 30 901820 today"), "call [phone] today");
  EXPECT_EQ(redact("US office +1 (555) 010-9999."), "US office [phone].");
  EXPECT_EQ(redact("WhatsApp +86 138 0013 8000"), "WhatsApp [phone]");
}

TEST(RedactionTest, MasksNationalPhoneNumbersAfterAPhoneWord) {
  EXPECT_EQ(redact("Tel.: 030 1234567"), "Tel.: [phone]");
  EXPECT_EQ(redact("phone (0574) 8765-4321, fax 0574 87654322"), "phone [phone], fax [phone]");
}

TEST(RedactionTest, MasksIbansWithAValidChecksum) {
  EXPECT_EQ(redact("IBAN DE89 3704 0044 0532 0130 00, BIC COBADEFFXXX"),
            "IBAN [iban], BIC COBADEFFXXX");
  EXPECT_EQ(redact("pay to GB82WEST12345698765432."), "pay to [iban].");
}

TEST(RedactionTest, LeavesAnIbanShapedStringWithABadChecksum) {
  EXPECT_EQ(redact("DE89 3704 0044 0532 0130 02"), "DE89 3704 0044 0532 0130 02");
}

TEST(RedactionTest, MasksCardNumbersThatPassLuhn) {
  EXPECT_EQ(redact("card 4111 1111 1111 1111 exp 12/28"), "card [card] exp 12/28");
  EXPECT_EQ(redact("MC 5500-0000-0000-0004"), "MC [card]");
  EXPECT_EQ(redact("Amex 378282246310005"), "Amex [card]");
}

TEST(RedactionTest, LeavesCardShapedNumbersThatFailLuhnOrHaveNoIssuer) {
  EXPECT_EQ(redact("card 4111 1111 1111 1112"), "card 4111 1111 1111 1112");
  EXPECT_EQ(redact("EAN 4006381333931"), "EAN 4006381333931");
  EXPECT_EQ(redact("ISBN 9783161484100"), "ISBN 9783161484100");
}

TEST(RedactionTest, MasksPasswordAndKeyValues) {
  EXPECT_EQ(redact("login user=anna password=hunter2&x=1"),
            "login user=anna password=[secret]&x=1");
  EXPECT_EQ(redact(R"({"api_key": "abcd1234efgh5678", "sku": "BTL-750"})"),
            R"({"api_key": "[secret]", "sku": "BTL-750"})");
  EXPECT_EQ(redact("PASSWORT: Geheim!2026"), "PASSWORT: [secret]");
  EXPECT_EQ(redact("client_secret='s3cr3t'"), "client_secret='[secret]'");
}

TEST(RedactionTest, MasksBearerTokensAndVendorKeys) {
  EXPECT_EQ(redact("Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig"),
            "Authorization: Bearer [secret]");
  EXPECT_EQ(redact("curl -H 'Bearer abcdefgh12345678'"), "curl -H 'Bearer [secret]'");
  EXPECT_EQ(redact("OPENAI key sk-proj-abcdefghijklmnop1234 leaked"), "OPENAI key [secret] leaked");
  EXPECT_EQ(redact("AKIAIOSFODNN7EXAMPLE"), "[secret]");
  EXPECT_EQ(redact("ghp_0123456789abcdefABCDEF0123456789abcd"), "[secret]");
}

TEST(RedactionTest, LeavesPricesHsCodesDatesAndQuantities) {
  const std::string trade =
      "2,000 bottles at USD 3.85 FOB Ningbo, retail €24.99 (1,234.56 total), HS 9617.00.1000 / "
      "6911.10.10 / 961700, delivery 2026-11-23 or 23.11.2026, MOQ 500, +19% VAT, "
      "order PO-2026-000123, 12/28 pallets, 0.75 l, tariff 25¢/kg + 3.6%";
  EXPECT_EQ(redact(trade), trade);
}

TEST(RedactionTest, LeavesWordsThatOnlyStartLikeAKey) {
  EXPECT_EQ(redact("tokens: 42, secrets of trade, passwords are rotated"),
            "tokens: 42, secrets of trade, passwords are rotated");
  EXPECT_EQ(redact("a@b"), "a@b");
  EXPECT_EQ(redact("user@localhost"), "user@localhost");
}

TEST(RedactionTest, HandlesEmptyAndBinaryInput) {
  EXPECT_EQ(redact(""), "");
  const std::string binary("\x00\xff@\xfe+9", 6);
  EXPECT_EQ(redact(binary), binary);
}

}  // namespace
}  // namespace kontor::policy
