package apiconv

import (
	"fmt"
	"time"

	"google.golang.org/protobuf/types/known/timestamppb"

	pb "github.com/frictionhq/friction/proto/friction/v1"
	"github.com/frictionhq/friction/transcript"
)

var channelToProto = map[transcript.Channel]pb.Channel{
	transcript.Call:   pb.Channel_CHANNEL_CALL,
	transcript.Chat:   pb.Channel_CHANNEL_CHAT,
	transcript.Email:  pb.Channel_CHANNEL_EMAIL,
	transcript.Survey: pb.Channel_CHANNEL_SURVEY,
}

var speakerToProto = map[transcript.Speaker]pb.Speaker{
	transcript.Agent:    pb.Speaker_SPEAKER_AGENT,
	transcript.Customer: pb.Speaker_SPEAKER_CUSTOMER,
	transcript.System:   pb.Speaker_SPEAKER_SYSTEM,
	transcript.Bot:      pb.Speaker_SPEAKER_BOT,
}

var surveyTypeToProto = map[transcript.SurveyType]pb.SurveyType{
	transcript.CSAT: pb.SurveyType_SURVEY_TYPE_CSAT,
	transcript.NPS:  pb.SurveyType_SURVEY_TYPE_NPS,
	transcript.CES:  pb.SurveyType_SURVEY_TYPE_CES,
}

// fromProtoEnum maps an enum back to the domain value; an unspecified value maps
// to "" (validation reports it as required) and an unknown one to a string that
// validation rejects by name.
func fromProtoEnum[D ~string, P ~int32](m map[D]P, v P) D {
	if v == 0 {
		return ""
	}
	for d, p := range m {
		if p == v {
			return d
		}
	}
	return D(fmt.Sprintf("unknown(%d)", v))
}

// ChannelFromProto converts a channel enum.
func ChannelFromProto(c pb.Channel) transcript.Channel { return fromProtoEnum(channelToProto, c) }

// ChannelToProto converts a channel; an unknown one is CHANNEL_UNSPECIFIED.
func ChannelToProto(c transcript.Channel) pb.Channel { return channelToProto[c] }

// SpeakerToProto converts a speaker; an unknown one is SPEAKER_UNSPECIFIED.
func SpeakerToProto(s transcript.Speaker) pb.Speaker { return speakerToProto[s] }

// SpeakerFromProto converts a speaker enum.
func SpeakerFromProto(s pb.Speaker) transcript.Speaker { return fromProtoEnum(speakerToProto, s) }

// TranscriptFromProto converts an API transcript to the domain type. It does not
// validate: the engine does.
func TranscriptFromProto(p *pb.Transcript) *transcript.Transcript {
	t := &transcript.Transcript{
		ID:              p.GetId(),
		Channel:         ChannelFromProto(p.GetChannel()),
		DurationSeconds: int(p.GetDurationSeconds()),
		Language:        p.GetLanguage(),
		Queue:           p.GetQueue(),
		Subject:         p.GetSubject(),
	}
	if p.GetStartedAt() != nil {
		t.StartedAt = p.GetStartedAt().AsTime()
	}
	if c := p.GetCustomer(); c != nil {
		t.Customer = &transcript.Party{ID: c.GetId(), Name: c.GetName()}
	}
	for _, a := range p.GetAgents() {
		t.Agents = append(t.Agents, transcript.Party{ID: a.GetId(), Name: a.GetName()})
	}
	for _, turn := range p.GetTurns() {
		t.Turns = append(t.Turns, transcript.Turn{
			Speaker:  fromProtoEnum(speakerToProto, turn.GetSpeaker()),
			Name:     turn.GetName(),
			Text:     turn.GetText(),
			OffsetMS: turn.GetOffsetMs(),
		})
	}
	if s := p.GetSurvey(); s != nil {
		t.Survey = &transcript.SurveyResponse{
			Type:     fromProtoEnum(surveyTypeToProto, s.GetType()),
			Score:    s.GetScore(),
			ScaleMax: s.GetScaleMax(),
			Comment:  s.GetComment(),
		}
	}
	if len(p.GetMetadata()) > 0 {
		t.Metadata = make(map[string]string, len(p.GetMetadata()))
		for k, v := range p.GetMetadata() {
			t.Metadata[k] = v
		}
	}
	return t
}

// TranscriptToProto converts a domain transcript to its API form.
func TranscriptToProto(t *transcript.Transcript) *pb.Transcript {
	p := &pb.Transcript{
		Id:              t.ID,
		Channel:         channelToProto[t.Channel],
		DurationSeconds: int32(t.DurationSeconds),
		Language:        t.Language,
		Queue:           t.Queue,
		Subject:         t.Subject,
		Metadata:        t.Metadata,
	}
	if !t.StartedAt.IsZero() {
		p.StartedAt = timestamppb.New(t.StartedAt)
	}
	if t.Customer != nil {
		p.Customer = &pb.Party{Id: t.Customer.ID, Name: t.Customer.Name}
	}
	for _, a := range t.Agents {
		p.Agents = append(p.Agents, &pb.Party{Id: a.ID, Name: a.Name})
	}
	for _, turn := range t.Turns {
		p.Turns = append(p.Turns, &pb.Turn{
			Speaker:  speakerToProto[turn.Speaker],
			Name:     turn.Name,
			Text:     turn.Text,
			OffsetMs: turn.OffsetMS,
		})
	}
	p.Survey = SurveyToProto(t.Survey)
	return p
}

// SurveyToProto converts a survey; nil stays nil.
func SurveyToProto(s *transcript.SurveyResponse) *pb.Survey {
	if s == nil {
		return nil
	}
	return &pb.Survey{Type: surveyTypeToProto[s.Type], Score: s.Score, ScaleMax: s.ScaleMax, Comment: s.Comment}
}

// TimestampOrNil converts a time, leaving the zero time unset.
func TimestampOrNil(t time.Time) *timestamppb.Timestamp {
	if t.IsZero() {
		return nil
	}
	return timestamppb.New(t)
}
