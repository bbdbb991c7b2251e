package server

import (
	"context"
	"errors"
	"log/slog"

	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/frictionhq/friction/engine"
	"github.com/frictionhq/friction/transcript"
)

// toStatus maps engine errors to gRPC status codes, in one place.
func toStatus(log *slog.Logger, method string, err error) error {
	if err == nil {
		return nil
	}
	if _, ok := status.FromError(err); ok {
		return err
	}
	var ve *transcript.ValidationError
	switch {
	case errors.As(err, &ve):
		return badRequest(ve.Error(), ve.Violations...)
	case errors.Is(err, engine.ErrInvalid):
		return badRequest(err.Error())
	case errors.Is(err, engine.ErrNotFound):
		return status.Error(codes.NotFound, err.Error())
	case errors.Is(err, context.Canceled):
		return status.Error(codes.Canceled, err.Error())
	case errors.Is(err, context.DeadlineExceeded):
		return status.Error(codes.DeadlineExceeded, err.Error())
	}
	log.Error("internal error", "method", method, "err", err)
	return status.Error(codes.Internal, "internal error; see the server log")
}

// badRequest is InvalidArgument with google.rpc.BadRequest field violations.
func badRequest(msg string, violations ...transcript.FieldViolation) error {
	st := status.New(codes.InvalidArgument, msg)
	if len(violations) == 0 {
		return st.Err()
	}
	br := &errdetails.BadRequest{}
	for _, v := range violations {
		br.FieldViolations = append(br.FieldViolations, &errdetails.BadRequest_FieldViolation{Field: v.Field, Description: v.Description})
	}
	if withDetails, err := st.WithDetails(br); err == nil {
		return withDetails.Err()
	}
	return st.Err()
}

func requiredField(field string) error {
	return badRequest(field+" is required", transcript.FieldViolation{Field: field, Description: "required"})
}
