// The French voice: espeak-ng run as a separate program (GPL: never linked), its WAV read back.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "util/result.h"

namespace pcn::speech {

/// How the voice program is run; the text is passed as the last argument, after "--", never
/// through a shell. Tests replace the program to provoke failures.
struct VoiceCommand {
  std::string program = "espeak-ng";  ///< looked up in PATH
  std::vector<std::string> arguments = {"-v", "fr", "-s", "140", "--stdout"};
  std::chrono::milliseconds timeout{10000};  ///< the program is killed after this
};

/// Says `text` with `command` and returns its 16-bit mono samples; stores the sample rate in
/// `*rate` when `rate` is not null. Blocks until the program ends (about 100 ms for a call).
/// Errors: "voice_missing" (program not installed; the message names the Debian package),
/// "voice_failed" (non-zero exit, killed after the timeout, or output that is not a 16-bit mono
/// WAV).
util::Result<std::vector<std::int16_t>> speak(const std::string& text, unsigned* rate,
                                              const VoiceCommand& command = {});

}  // namespace pcn::speech
