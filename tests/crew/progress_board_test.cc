// The plain (non-TTY) progress board prints one line per journal event.
#include "crew/progress_board.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <string>

namespace kontor::crew {
namespace {

std::string printed(const store::JournalEvent& event) {
  char* buffer = nullptr;
  std::size_t size = 0;
  std::FILE* out = open_memstream(&buffer, &size);
  {
    ProgressBoard board(out, /*ansi=*/false);
    board.on_event(event, CaseState{});
  }
  std::fclose(out);
  std::string text(buffer, size);
  std::free(buffer);
  return text;
}

// Regression (the demo goal's failed compliance task): in "task.added" the "task" member is the
// whole task spec, not an id; reading it as a string threw and failed the task that added it.
TEST(ProgressBoardTest, TaskAddedEventCarriesTheSpec) {
  store::JournalEvent event;
  event.type = "task.added";
  event.data = {{"task", {{"id", "request_evidence.S1"}, {"agent", "negotiation"}}},
                {"by", "compliance"}};
  EXPECT_EQ(printed(event), "request_evidence.S1: added by compliance\n");
}

TEST(ProgressBoardTest, QuestionLineShowsIdAndText) {
  store::JournalEvent event;
  event.type = "question.asked";
  event.data = {{"question", {{"id", "hs.code"}, {"text", "Which heading?"}}}, {"task", "c"}};
  EXPECT_EQ(printed(event), "question hs.code: Which heading?\n");
}

}  // namespace
}  // namespace kontor::crew
