// One filled-in sample of every protocol message, for round-trip, truncation and fuzz seeds.
// Test helper only: values exercise every optional field and range edge, not real traffic.
#pragma once

#include "game/expo/protocol/Messages.h"

#include <vector>

namespace fg::expo::proto::test {

inline std::vector<Message> sampleMessages() {
    using namespace fg::expo::proto;
    Snapshot snap;
    snap.tick = 1234;
    snap.baseTick = 1230;
    snap.hall = 3;
    snap.lastInput = 99;
    snap.removed = {7, 4095};
    SnapshotEntry fresh{
        .id = 12, .inBase = false, .x = 100000, .z = 0, .heading = 1023, .anim = Anim::Wave};
    SnapshotEntry small{.id = 13,
                        .inBase = true,
                        .hasPosition = true,
                        .smallDelta = true,
                        .dx = -64,
                        .dz = 63,
                        .hasHeading = false,
                        .hasAnim = true,
                        .anim = Anim::Run};
    SnapshotEntry big{.id = 14,
                      .inBase = true,
                      .hasPosition = true,
                      .smallDelta = false,
                      .x = 5,
                      .z = 77777,
                      .hasHeading = true,
                      .heading = 3,
                      .hasAnim = false};
    SnapshotEntry still{.id = 15,
                        .inBase = true,
                        .hasPosition = false,
                        .hasHeading = true,
                        .heading = 512,
                        .hasAnim = false};
    snap.entries = {fresh, small, big, still};
    return {
        Hello{kProtocolVersion, Role::Exhibitor, "fgx_0123456789abcdef", "Ana Lima", 0x12ab34, "VN",
              "install-key-1", false},
        Welcome{4095, Role::Organiser, 1634025600123, 0xfedcba9876543210ull, 20, 2, 1500, 99999,
                700, "acme"},
        Reject{RejectReason::NameTaken, "the name 'Ana' is taken"},
        Input{77, 1233, 1, 12345, 54321, 1000, Anim::Walk},
        snap,
        Correction{78, 1, 2000, 3000, 5},
        Join{42, "Bob", 0xffffff, "KR", Role::Exhibitor},
        Leave{42, LeaveReason::Kicked},
        Teleport{TeleportKind::Booth, 0, "booth-acme"},
        ChatSend{5, ChatScope::Direct, "", 17, "hello there \xe2\x9c\x93"},
        ChatReceived{ChatScope::Booth, 9, "Eve", "booth-acme", -5, "Hi!"},
        Like{6, "booth-acme"},
        OpenItem{7, "booth-acme", ItemKind::Video, 255},
        DropCard{8, "booth-acme", "Ana", "Lima Ltd", "ana@lima.vn", "call me", true},
        MeetingRequest{9, "booth-acme", 1634030000, "about 5G"},
        MeetingUpdate{MeetingInfo{77, "booth-acme", "Ana", 1634030000, 30, MeetingState::Proposed,
                                  true, "about 5G", "we are full at 10:00"}},
        MeetingAnswer{10, 77, MeetingAction::Propose, 1634031800, "a later slot"},
        MeetingList{{MeetingInfo{77, "booth-acme", "Ana", 1634030000, 15, MeetingState::Cancelled,
                                 false, std::string(500, 'n'), std::string(200, 'r')},
                     MeetingInfo{78, "b", "", -1, 60, MeetingState::Accepted, false, "", ""}}},
        StaffPresence{11, "booth-acme", true},
        ActionResult{12, true, 31, "liked"},
        Announcement{"Organiser", "Hall B closes in 10 minutes"},
        ConsoleCommand{13, "kick 42 spamming"},
        ConsoleResponse{13, true, std::string(3000, 'x')},
        UploadBegin{14, "booth-acme", 123456789012ull, Hash128{0x0123456789abcdefull, 42}},
        UploadStatus{14, "booth-acme", 65536, false, "not your booth"},
        UploadChunk{"booth-acme", 65536, std::vector<std::uint8_t>(300, 0xa5)},
        UploadFinish{15, "booth-acme"},
        PublishResult{15, "booth-acme", PublishOutcome::Refused, 0, "line one\nline two"},
        BoothRevision{"booth-acme",
                      3,
                      0xfedcba9876543210ull,
                      "{\"booth\":{}}",
                      {Hash128{1, 2}, Hash128{~0ull, ~0ull}}},
        ContentRequest{16, ContentKind::Asset, Hash128{0x0123456789abcdefull, 7}},
        ContentChunk{17, Hash128{3, 4}, 70000, 32768, std::vector<std::uint8_t>(200, 0x5a)},
        ContentError{18, Hash128{5, 6}, "no content with this hash"},
        BoothStatsRequest{19, "booth-acme"},
        BoothStats{19,
                   "booth-acme",
                   120,
                   80,
                   95,
                   31,
                   2,
                   14,
                   3,
                   1,
                   4,
                   true,
                   {LeadSummary{"Ana", "Lima Ltd", "ana@lima.vn", "call me", 1634030000},
                    LeadSummary{"Bob", "", "bob@example.kr", std::string(500, 'n'), -1}}},
        BoothFetchRequest{20, ""},
        BoothFetchReply{20,
                        true,
                        "",
                        "a newer submission is waiting for the organiser's approval",
                        {BoothFetchEntry{"booth-acme", "Acme", 2, BoothSource::Published,
                                         Hash128{7, 8}, 123456},
                         BoothFetchEntry{"booth-acme", "Acme", 0, BoothSource::Pending,
                                         Hash128{~0ull, 9}, 0xffffffffffull}}},
        ChatHistoryRequest{21, ChatScope::Booth, "booth-acme", 0, 0},
        ChatHistoryRequest{22, ChatScope::Direct, "", 4095, ~0ull},
        ChatHistory{21,
                    ChatScope::Booth,
                    "booth-acme",
                    "",
                    true,
                    {ChatHistoryLine{7, "Ana", Role::Visitor, 1634030000000, "hello"},
                     ChatHistoryLine{9, "Acme staff", Role::Exhibitor, -1, std::string(500, 'x')}}},
        ChatHistory{0, ChatScope::Hall, "hall-a", "", false, {}},
        MeetingSlotsRequest{23, "booth-acme"},
        MeetingSlots{23,
                     "booth-acme",
                     MeetingHoursInfo{true, {1634000000, 1634086400}, 540, 1020, 45, 20},
                     {MeetingSlot{1634030000, 0}, MeetingSlot{1634032700, 20}}},
        MeetingSlots{0, "booth-acme", MeetingHoursInfo{}, {}},
        MeetingHoursSet{24, "booth-acme", MeetingHoursInfo{true, {}, 0, 1440, 15, 1}},
    };
}

} // namespace fg::expo::proto::test
