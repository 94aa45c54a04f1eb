#!/usr/bin/env bash
# Generates the Docker secrets docker-compose.yml reads from ./secrets/ (docs/deploy.md): one
# random password per service, and the Kafka SASL files derived from its password. Existing files
# are kept, so running it again changes nothing; delete a file to rotate that secret (and update
# the service's stored user: PostgreSQL keeps the password it was initialized with).
#
# ./secrets is mode 700: no other user of the host can reach the files. The files themselves are
# mode 644 because each container reads its own secret as its own unprivileged user (postgres,
# redis, appuser, asterisk, cc); a bind-mounted file keeps its host owner and mode.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=secrets
mkdir -p "$dir"
chmod 700 "$dir"

random() { head -c 32 /dev/urandom | base64 | tr -d '/+=\n' | cut -c1-32; }

put() { # file, content
  if [ ! -e "$dir/$1" ]; then
    (umask 022 && printf '%s' "$2" >"$dir/$1")
    echo "compose-secrets: wrote $dir/$1"
  fi
}

for name in db_password redis_password kafka_password ami_secret phone_secret admin_password; do
  put "$name" "$(random)"
done
kafka=$(cat "$dir/kafka_password")
jaas="org.apache.kafka.common.security.plain.PlainLoginModule required username=\"cc\" password=\"$kafka\""
put kafka_server_jaas.conf "KafkaServer {
  $jaas
  user_cc=\"$kafka\";
};
"
put kafka_client_jaas "$jaas;"
put kafka_client.properties "security.protocol=SASL_PLAINTEXT
sasl.mechanism=PLAIN
sasl.jaas.config=$jaas;
"
chmod 644 "$dir"/*
echo "compose-secrets: secrets in $dir/ (mode 700); never commit them"
