// API tokens: stored hashed, verified, listed, revoked.
#include "server/tokens.h"

#include <gtest/gtest.h>

#include "store/memory/memory_store.h"

namespace kontor::server {
namespace {

TEST(TokensTest, CreatedTokenVerifiesAndIsStoredHashed) {
  auto store = store::open_memory_store();
  TokenBook book(*store);
  auto made = book.create("phone");
  ASSERT_TRUE(made.ok());
  EXPECT_TRUE(made->token.starts_with("kt_"));
  EXPECT_EQ(made->token.size(), 43u);
  EXPECT_EQ(made->info.id, made->token.substr(3, 8));
  EXPECT_TRUE(*book.verify(made->token));
  auto record = store->get(kTokensCollection, sha256_hex(made->token));
  ASSERT_TRUE(record.ok() && record->has_value());
  EXPECT_EQ((*record)->body.find(made->token.substr(3)), std::string::npos);
}

TEST(TokensTest, WrongTokenDoesNotVerify) {
  auto store = store::open_memory_store();
  TokenBook book(*store);
  ASSERT_TRUE(book.create("").ok());
  EXPECT_FALSE(*book.verify("kt_0000000000000000000000000000000000000000"));
  EXPECT_FALSE(*book.verify("Bearer"));
  EXPECT_FALSE(*book.verify(""));
}

TEST(TokensTest, RevokedTokenNoLongerVerifies) {
  auto store = store::open_memory_store();
  TokenBook book(*store);
  auto made = book.create("laptop");
  ASSERT_TRUE(book.revoke(made->info.id).ok());
  EXPECT_FALSE(*book.verify(made->token));
  EXPECT_FALSE(*book.has_valid_token());
  auto again = book.revoke(made->info.id);
  EXPECT_EQ(again.code(), StatusCode::kFailedPrecondition);
  auto tokens = book.list();
  ASSERT_EQ(tokens->size(), 1u);
  EXPECT_EQ((*tokens)[0].name, "laptop");
  EXPECT_FALSE((*tokens)[0].revoked_at.empty());
}

TEST(TokensTest, RevokingAnUnknownIdNamesIt) {
  auto store = store::open_memory_store();
  TokenBook book(*store);
  Status s = book.revoke("deadbeef");
  EXPECT_EQ(s.code(), StatusCode::kNotFound);
  EXPECT_EQ(s.message(), "token 'deadbeef': no such token");
}

TEST(TokensTest, Sha256OfAbc) {
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

}  // namespace
}  // namespace kontor::server
