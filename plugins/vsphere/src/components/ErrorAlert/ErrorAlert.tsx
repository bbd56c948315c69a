import { Alert } from '@backstage/ui';
import { ResponseError } from '@backstage/errors';

/** A read that failed: the error's name and message, as the backend sent them. */
export const ErrorAlert = (props: { error: Error }) => {
  const { error } = props;
  // a ResponseError carries the backend's own error; its message says what the backend saw
  const cause = ResponseError.is(error) ? error.cause : error;
  return (
    <Alert
      role="alert"
      status="danger"
      icon
      title={`${cause.name}: ${cause.message}`}
    />
  );
};
