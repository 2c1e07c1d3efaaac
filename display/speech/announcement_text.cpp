#include "speech/announcement_text.h"

#include <cctype>

#include "speech/number_words.h"
#include "text/catalog.h"

namespace pcn::speech {
namespace {

bool is_letter(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }
bool is_digit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }

/// "C-042" → {"C", 42}; number is -1 when the label has no digits (or too many to say).
struct TicketParts {
  std::string letters;
  int number = -1;
};

TicketParts split_ticket(const std::string& ticket) {
  TicketParts parts;
  std::string digits;
  for (char c : ticket) {
    if (is_letter(c) && digits.empty()) parts.letters += c;
    if (is_digit(c)) digits += c;
  }
  digits.erase(0, digits.find_first_not_of('0'));
  if (digits.size() > 4) return parts;
  parts.number = digits.empty() ? 0 : std::stoi(digits);
  const bool had_digits = ticket.find_first_of("0123456789") != std::string::npos;
  if (!had_digits) parts.number = -1;
  return parts;
}

}  // namespace

std::string announcement_text(const Announcement& a) {
  const TicketParts parts = split_ticket(a.ticket);
  const std::string ticket_words =
      parts.number < 0 ? a.ticket
                       : (parts.letters.empty() ? "" : parts.letters + " ") +
                             spell_number(parts.number);
  return text::speech_call(ticket_words, spell_number(a.counter));
}

}  // namespace pcn::speech
