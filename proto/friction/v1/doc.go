// Package frictionv1 is Friction's gRPC API, friction.v1, generated from
// friction.proto by `make proto` (protoc-gen-go and protoc-gen-go-grpc at the
// versions the Makefile pins). Do not edit the .pb.go files: `make test` fails
// when they differ from what the .proto generates.
package frictionv1
