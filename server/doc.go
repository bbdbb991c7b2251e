// Package server is Friction's gRPC API (friction.v1): thin handlers that convert
// protobuf messages to the engine's types, call the engine, and map its errors to
// gRPC status codes in one place. New builds the whole grpc.Server with its
// interceptors, health and reflection.
package server
