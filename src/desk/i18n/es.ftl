# Los detalles de los problemas del servicio en español. Cada mensaje tiene
# su gemelo con los mismos argumentos en en.ftl (una prueba lo comprueba).
# Los `title` y los nombres de campo nunca se traducen.

problem-invalid-fields = la solicitud tiene campos no válidos; vea `errors`
problem-internal = error interno; el registro del servicio tiene los detalles
problem-rate-limited = demasiados intentos fallidos: vuelva a intentarlo dentro de { $secs } segundos
problem-storage-busy = el almacenamiento del servicio está ocupado (otra escritura bloquea la base de datos); no se cambió nada: vuelva a intentarlo dentro de { $secs } segundos
problem-storage-full = el almacenamiento del servicio está lleno (no queda espacio en su disco); no se guardó nada: vuelva a intentarlo cuando el operador del servicio haya liberado espacio
problem-no-route = no existe esa ruta: vea /v1/openapi.json
problem-wrong-method = esta ruta no acepta ese método: vea /v1/openapi.json
problem-no-credentials = sin credenciales: ejecute `ecolo login` (o defina ECOLO_TOKEN) y envíe `Authorization: Bearer <token>`
problem-auth-not-text = la cabecera Authorization no es texto: ejecute `ecolo login`
problem-auth-not-bearer = use `Authorization: Bearer <token>`: ejecute `ecolo login`
problem-too-large = el cuerpo de la solicitud es mayor de lo que este servicio acepta
