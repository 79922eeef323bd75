// Intake: each form of money, quantity and deadline in the five languages → exact values.
#include <gtest/gtest.h>

#include "intake_test_util.h"

namespace kontor::crew {
namespace {

struct MoneyCase {
  const char* goal;
  const char* field;  // "retail", "landed", "budget"
  const char* expected;
};

class MoneyFormTest : public testing::TestWithParam<MoneyCase> {};

TEST_P(MoneyFormTest, ReadsAmountCurrencyAndRole) {
  const MoneyCase& c = GetParam();
  Brief b = read(c.goal);
  const std::string field = c.field;
  const auto& m = field == "retail"   ? b.target_retail_price
                  : field == "landed" ? b.target_landed_cost
                                      : b.budget;
  EXPECT_EQ(money(m), c.expected) << c.goal;
}

INSTANTIATE_TEST_SUITE_P(
    Forms, MoneyFormTest,
    testing::Values(
        MoneyCase{"500 yoga mats to the US, retail $29.99", "retail", "29.99 USD"},
        MoneyCase{"500 yoga mats for the US, landed cost US$ 6 each", "landed", "6.00 USD"},
        MoneyCase{"500 mats for Brazil, preço de venda R$ 120", "retail", "120.00 BRL"},
        MoneyCase{"500 mats for Canada, landed 6 USD per unit", "landed", "6.00 USD"},
        MoneyCase{"500 mats for the UK, retail £19", "retail", "19.00 GBP"},
        MoneyCase{"500 mats nach Deutschland, Verkaufspreis 24,99 €", "retail", "24.99 EUR"},
        MoneyCase{"500 mats for Germany, budget €1.500", "budget", "1500.00 EUR"},
        MoneyCase{"500 mats for Germany, budget 1.299,50 €", "budget", "1299.50 EUR"},
        MoneyCase{"500 mats for Germany, budget €5k", "budget", "5000.00 EUR"},
        MoneyCase{"500 mats for Germany, 24.99EUR retail", "retail", "24.99 EUR"},
        MoneyCase{"500 tapetes para España, presupuesto de 3.000 €", "budget", "3000.00 EUR"},
        MoneyCase{"500 tapis pour la France, budget de 2 500 €", "budget", "2500.00 EUR"},
        MoneyCase{"500 Matten nach Österreich, Einstandspreis max. 8 €", "landed", "8.00 EUR"},
        MoneyCase{"500 tapetes para Portugal, orçamento de 4.000 €", "budget", "4000.00 EUR"}));

struct QuantityCase {
  const char* goal;
  const char* expected;
};

class QuantityFormTest : public testing::TestWithParam<QuantityCase> {};

TEST_P(QuantityFormTest, ReadsValueAndUnit) {
  EXPECT_EQ(qty(read(GetParam().goal)), GetParam().expected) << GetParam().goal;
}

INSTANTIATE_TEST_SUITE_P(Forms, QuantityFormTest,
                         testing::Values(QuantityCase{"Source 2,000 pcs of bottles", "2000 pcs"},
                                         QuantityCase{"Find 2k units of yoga mats", "2000 pcs"},
                                         QuantityCase{"2.000 Stück Flaschen", "2000 pcs"},
                                         QuantityCase{"2 000 unités de gourdes", "2000 pcs"},
                                         QuantityCase{"2 mil unidades de botellas", "2000 pcs"},
                                         QuantityCase{"1.5k pcs bottles", "1500 pcs"},
                                         QuantityCase{"500 pares de zapatos", "500 pr"},
                                         QuantityCase{"Buy 300 yoga mats", "300 pcs"},
                                         QuantityCase{"Buy 2 Tausend Stück Tassen", "2000 pcs"}));

struct DeadlineCase {
  const char* goal;
  const char* expected;
};

class DeadlineFormTest : public testing::TestWithParam<DeadlineCase> {};

TEST_P(DeadlineFormTest, ReadsTheDate) {
  EXPECT_EQ(deadline(read(GetParam().goal)), GetParam().expected) << GetParam().goal;
}

INSTANTIATE_TEST_SUITE_P(Forms, DeadlineFormTest,
                         testing::Values(DeadlineCase{"500 mats in 6 weeks", "2027-01-04"},
                                         DeadlineCase{"500 mats within 30 days", "2026-12-23"},
                                         DeadlineCase{"500 mats in 2 months", "2027-01-23"},
                                         DeadlineCase{"500 mats before 2027-03-01", "2027-03-01"},
                                         DeadlineCase{"500 Matten bis 01.03.2027", "2027-03-01"},
                                         DeadlineCase{"500 mats by 1 March 2027", "2027-03-01"},
                                         DeadlineCase{"500 mats by March 15, 2027", "2027-03-15"},
                                         DeadlineCase{"500 mats by mid-March", "2027-03-15"},
                                         DeadlineCase{"500 tapis avant mi-mars", "2027-03-15"},
                                         DeadlineCase{"500 mats by end of November", "2026-11-30"},
                                         DeadlineCase{"500 mats by November", "2026-11-30"},
                                         DeadlineCase{"500 mats by December", "2026-12-01"},
                                         DeadlineCase{"500 Matten in 6 Wochen", "2027-01-04"},
                                         DeadlineCase{"500 tapetes en 6 semanas", "2027-01-04"},
                                         DeadlineCase{"500 tapis dans 6 semaines", "2027-01-04"},
                                         DeadlineCase{"500 tapis avant fin mars", "2027-03-31"},
                                         DeadlineCase{"500 tapetes antes de 1 de marzo de 2027",
                                                      "2027-03-01"},
                                         DeadlineCase{"500 tapetes até 15/02/2027", "2027-02-15"}));

}  // namespace
}  // namespace kontor::crew
