#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "catalog/catalog.h"
#include "core/csv.h"
#include "store/sqlite/sqlite_store.h"

namespace kontor::catalog {
namespace {

const std::string kData = std::string(KONTOR_TEST_DIR) + "/data/";

class CatalogImportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("kontor_catalog_" +
            std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    auto store = store::open_sqlite_store((dir_ / "kontor.db").string());
    ASSERT_TRUE(store.ok()) << store.status().to_string();
    store_ = std::move(store).value();
  }
  void TearDown() override {
    store_.reset();
    std::filesystem::remove_all(dir_);
  }
  std::string write(const std::string& name, const std::string& text) {
    std::string path = (dir_ / name).string();
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }
  std::filesystem::path dir_;
  std::unique_ptr<store::Store> store_;
};

TEST_F(CatalogImportTest, JsonLinesImportStoresEveryRecord) {
  auto report = import_files(*store_, {kData + "sample.jsonl"});
  ASSERT_TRUE(report.ok()) << report.status().to_string();
  EXPECT_EQ(report->records, 6);
  EXPECT_EQ(report->inserted, 6);
  EXPECT_EQ(*store_->count(kOffers), 2);
}

TEST_F(CatalogImportTest, ReimportingSameFileChangesNothing) {
  ASSERT_TRUE(import_files(*store_, {kData + "sample.jsonl"}).ok());
  auto again = import_files(*store_, {kData + "sample.jsonl"});
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->unchanged, 6);
  EXPECT_EQ(again->inserted + again->updated, 0);
  EXPECT_EQ((*store_->get(kOffers, "OF-1"))->version, 1);
}

TEST_F(CatalogImportTest, LoadedCatalogKeepsTiersAndTitles) {
  ASSERT_TRUE(import_files(*store_, {kData + "sample.jsonl"}).ok());
  auto catalog = load_catalog(*store_);
  ASSERT_TRUE(catalog.ok()) << catalog.status().to_string();
  const Offer* offer = catalog->offer("OF-1");
  ASSERT_NE(offer, nullptr);
  ASSERT_EQ(offer->tiers.size(), 3u);
  EXPECT_EQ(offer->tiers[1].min_quantity, 2000);
  EXPECT_EQ(offer->tiers[1].unit_price.to_string(), "4.35");
  EXPECT_EQ(catalog->product("P-BOTTLE-1")->title(), "不锈钢保温瓶 500毫升");
  EXPECT_EQ(catalog->supplier("SUP-NB1")->on_time_rate.to_plain_string(), "0.96");
}

TEST_F(CatalogImportTest, CsvFilesImportTogether) {
  auto report = import_files(
      *store_, {kData + "suppliers.csv", kData + "products.csv", kData + "offers.csv"});
  ASSERT_TRUE(report.ok()) << report.status().to_string();
  EXPECT_EQ(report->inserted, 3);
  auto catalog = load_catalog(*store_);
  ASSERT_TRUE(catalog.ok());
  EXPECT_EQ(catalog->supplier("SUP-IST1")->name, "Istanbul Tekstil Ltd., Şti.");
  const Product* towel = catalog->product("P-TOWEL-1");
  ASSERT_EQ(towel->titles.size(), 2u);
  EXPECT_EQ(towel->titles[1].text, "Cotton bath towel 70x140");
  EXPECT_EQ(towel->attributes.at("size"), "70x140 cm");
  EXPECT_EQ(towel->category_path.back(), "Towels");
  EXPECT_EQ(catalog->offer("OF-TR1")->incoterm, Incoterm::kFCA);
}

TEST_F(CatalogImportTest, MalformedJsonNamesFileAndLineAndWritesNothing) {
  std::string text = read_file(kData + "sample.jsonl").value();
  std::string path = write("broken.jsonl", text + "{\"type\":\"offer\",\"id\":\n");
  auto report = import_files(*store_, {path});
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.status().message(), path + " line 7: not valid JSON");
  EXPECT_EQ(*store_->count(kSuppliers), 0);
}

TEST_F(CatalogImportTest, InvalidFieldIsNamedWithLine) {
  std::string path =
      write("bad.jsonl", R"({"type":"supplier","id":"S1","name":"X","country":"CHN"})"
                         "\n");
  auto report = import_files(*store_, {path});
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.status().message(),
            path + " line 1: field 'country': not an ISO 3166 alpha-2 code: 'CHN'");
}

TEST_F(CatalogImportTest, TiersOutOfOrderAreRejected) {
  std::string text = read_file(kData + "sample.jsonl").value();
  std::string bad = text;
  bad.replace(bad.find(R"("min_quantity":2000)"), 19, R"("min_quantity":400)");
  auto report = import_files(*store_, {write("tiers.jsonl", bad)});
  ASSERT_FALSE(report.ok());
  EXPECT_NE(report.status().message().find("line 5: field 'tiers': min quantities must ascend"),
            std::string::npos)
      << report.status().message();
}

TEST_F(CatalogImportTest, MalformedCsvRowNamesFileLineAndField) {
  std::string header = read_file(kData + "offers.csv").value();
  header = header.substr(0, header.find('\n') + 1);
  std::string path = write(
      "offers.csv",
      header + "OF-A,SUP-IST1,P-TOWEL-1,EUR,300:3.10,300,20,FCA,Istanbul,yes,2027-06-30,,no\n" +
          "OF-B,SUP-IST1,P-TOWEL-1,EUR,300:abc,300,20,FCA,Istanbul,yes,2027-06-30,,no\n");
  auto report = import_files(*store_, {kData + "suppliers.csv", kData + "products.csv", path});
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.status().message(),
            path + " line 3: field 'tiers': field 'unit_price': not a decimal: 'abc'");
  EXPECT_EQ(*store_->count(kSuppliers), 0);  // atomic: the valid files were not written either
}

TEST_F(CatalogImportTest, CsvWithWrongFieldCountIsRejected) {
  std::string path = write(
      "suppliers.csv",
      "supplier_id,name,country,city,port,languages,certifications,years_in_business,"
      "verification,response_hours,on_time_rate,defect_rate,payment_terms,demo\nS1,Only two\n");
  auto report = import_files(*store_, {path});
  ASSERT_FALSE(report.ok());
  EXPECT_NE(report.status().message().find(path), std::string::npos);
  EXPECT_NE(report.status().message().find("line 2"), std::string::npos)
      << report.status().message();
}

TEST_F(CatalogImportTest, OfferWithUnknownSupplierWritesNothing) {
  std::string text = read_file(kData + "sample.jsonl").value();
  std::string bad = text;
  bad.replace(bad.find(R"("supplier_id":"SUP-HCM1")"), 24, R"("supplier_id":"SUP-XX9")");
  auto report = import_files(*store_, {write("refs.jsonl", bad)});
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.status().message(), "offer 'OF-2': field 'supplier_id': no supplier 'SUP-XX9'");
  EXPECT_EQ(*store_->count(kProducts), 0);
}

TEST_F(CatalogImportTest, OfferMayReferToPreviouslyStoredRecords) {
  ASSERT_TRUE(import_files(*store_, {kData + "suppliers.csv", kData + "products.csv"}).ok());
  auto report = import_files(*store_, {kData + "offers.csv"});
  ASSERT_TRUE(report.ok()) << report.status().to_string();
  EXPECT_EQ(report->inserted, 1);
}

TEST_F(CatalogImportTest, DuplicateIdInOneImportIsRejected) {
  std::string line = R"({"type":"supplier","id":"S1","name":"X","country":"CN"})"
                     "\n";
  auto report = import_files(*store_, {write("dup.jsonl", line + line)});
  ASSERT_FALSE(report.ok());
  EXPECT_NE(report.status().message().find("line 2: field 'id': duplicate supplier id 'S1'"),
            std::string::npos);
}

TEST_F(CatalogImportTest, ChangedRecordIsUpdatedOthersUnchanged) {
  ASSERT_TRUE(import_files(*store_, {kData + "sample.jsonl"}).ok());
  std::string text = read_file(kData + "sample.jsonl").value();
  text.replace(text.find(R"("lead_time_days":25)"), 19, R"("lead_time_days":30)");
  auto report = import_files(*store_, {write("changed.jsonl", text)});
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report->updated, 1);
  EXPECT_EQ(report->unchanged, 5);
}

TEST_F(CatalogImportTest, JsonExportReimportsUnchanged) {
  ASSERT_TRUE(import_files(*store_, {kData + "sample.jsonl", kData + "suppliers.csv",
                                     kData + "products.csv", kData + "offers.csv"})
                  .ok());
  auto catalog = load_catalog(*store_);
  ASSERT_TRUE(catalog.ok());
  std::string out = (dir_ / "export.jsonl").string();
  ASSERT_TRUE(export_jsonl(*catalog, out).ok());
  auto report = import_files(*store_, {out});
  ASSERT_TRUE(report.ok()) << report.status().to_string();
  EXPECT_EQ(report->unchanged, 9);
}

TEST_F(CatalogImportTest, CsvExportReimportsUnchanged) {
  ASSERT_TRUE(import_files(*store_, {kData + "sample.jsonl"}).ok());
  auto catalog = load_catalog(*store_);
  ASSERT_TRUE(catalog.ok());
  ASSERT_TRUE(export_csv(*catalog, dir_.string()).ok());
  auto report =
      import_files(*store_, {(dir_ / "suppliers.csv").string(), (dir_ / "products.csv").string(),
                             (dir_ / "offers.csv").string()});
  ASSERT_TRUE(report.ok()) << report.status().to_string();
  EXPECT_EQ(report->unchanged, 6);
}

}  // namespace
}  // namespace kontor::catalog
